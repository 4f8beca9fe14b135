package dev.rsx.it.app;

import dev.rsx.it.db.Tables.Customers;
import dev.rsx.it.db.Tables.Orders;

/** SQL written with the generated constants: a column renamed or dropped by a migration fails this compilation. */
public final class CustomerQueries {

    public static final String FIND_BY_EMAIL = "SELECT " + Customers.ID + ", " + Customers.DISPLAY_NAME + " FROM "
            + Customers.TABLE + " WHERE " + Customers.EMAIL + " = ?";

    public static final String OPEN_ORDERS = "SELECT " + Orders.ID + " FROM " + Orders.TABLE + " WHERE "
            + Orders.CUSTOMER_ID + " = ? AND " + Orders.STATUS + " = 'new'";

    private CustomerQueries() {}
}
