ALTER TABLE invoices
    ADD CONSTRAINT invoices_user_fk FOREIGN KEY (user_ref) REFERENCES users (id);
