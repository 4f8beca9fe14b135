ALTER TABLE users RENAME COLUMN note TO remark;
