ALTER TABLE orders DROP CHECK chk_orders_status;
