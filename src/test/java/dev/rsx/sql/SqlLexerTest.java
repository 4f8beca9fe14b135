package dev.rsx.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    @Test
    void commentsAndWhitespaceAloneHaveNoTokens() {
        String onlyComments = "-- create the table later\n# a hash comment\n/* a block\n   comment */\n  \n";

        assertFalse(SqlLexer.hasTokens(onlyComments));
        assertTrue(SqlLexer.lex(onlyComments).tokens().isEmpty());
        assertFalse(SqlLexer.hasTokens(""));
    }

    @Test
    void aStatementAfterCommentsHasTokens() {
        assertTrue(SqlLexer.hasTokens("-- add a column\n/* why */\nALTER TABLE t ADD COLUMN c INT"));
    }

    @Test
    void twoDashesWithoutWhitespaceAreNotAComment() {
        // MySQL starts a comment only at '-- ' followed by whitespace: '--1' is two minus signs and a number.
        assertTrue(SqlLexer.hasTokens("--1"));
        assertEquals(List.of("-", "-", "1"), SqlLexer.lex("--1").tokens().stream().map(SqlToken::text).toList());
    }

    @Test
    void aCommentMarkerInsideAStringIsPartOfTheString() {
        assertTrue(SqlLexer.hasTokens("'-- not a comment'"));
    }

    @Test
    void statementsThatAreOnlyCommentsAreNotCounted() {
        assertEquals(2, StatementReader.count(List.of("-- seed\nINSERT INTO t VALUES (1)", "-- trailing note\n",
                "UPDATE t SET a = 1", "/* nothing */")));
    }
}
