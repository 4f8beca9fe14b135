package dev.rsx.constants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming rules of docs/goals/constants.md, example by example. */
class JavaNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order_lines   | OrderLines    | ORDER_LINES",
        "customer_id   | CustomerId    | CUSTOMER_ID",
        "createdAt     | CreatedAt     | CREATED_AT",
        "HTTPStatus    | HttpStatus    | HTTP_STATUS",
        "USERS         | Users         | USERS",
        "address2      | Address2      | ADDRESS2",
        "2fa codes     | _2faCodes     | _2FA_CODES",
        "price$        | Price         | PRICE",
        "unit-price    | UnitPrice     | UNIT_PRICE",
        "café          | Cafe          | CAFE",
        "größe         | GroU00DFE     | GRO_U00DF_E",
        "名前           | U540DU524D    | U540D_U524D",
        "class         | Class         | CLASS",
        "$             | U0024         | U0024",
        "__            | U005FU005F    | U005F_U005F"})
    void mapsSqlNamesToClassAndConstantNames(String sqlName, String className, String constantName) {
        assertEquals(className, JavaNames.className(sqlName));
        assertEquals(constantName, JavaNames.constantName(sqlName));
    }

    @Test
    void theFirstNameInOrderKeepsAClashingNameAndTheOthersGetTheSmallestFreeSuffix() {
        Map<String, String> names = JavaNames.unique(List.of("createdAt", "created_at_2", "created_at", "CREATED_AT"),
                JavaNames::constantName, Set.of(), false);

        assertEquals(Map.of("CREATED_AT", "CREATED_AT", "created_at", "CREATED_AT_3", "created_at_2", "CREATED_AT_2",
                "createdAt", "CREATED_AT_4"), names);
        assertEquals(List.of("CREATED_AT", "created_at", "created_at_2", "createdAt"), List.copyOf(names.keySet()));
    }

    @Test
    void aTakenNameCountsAsClashing() {
        assertEquals(Map.of("table", "TABLE_2", "name", "NAME"),
                JavaNames.unique(List.of("table", "name"), JavaNames::constantName, Set.of("TABLE"), false));
    }

    @Test
    void classNamesDifferingOnlyInCaseClashBecauseTheirClassFilesWouldOnMacOsAndWindows() {
        assertEquals(Map.of("ab_c", "AbC", "abc", "Abc_2", "tables", "Tables_2"),
                JavaNames.unique(List.of("abc", "ab_c", "tables"), JavaNames::className, Set.of("Tables"), true));
    }
}
