USE reporting;
