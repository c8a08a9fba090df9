package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessKeyVariablesTest {

    @Test
    void missingOrBlankNamesAreTheVariablesOfZenoAndTheSdks() {
        for (String blank : new String[] {null, "", "   "}) {
            AccessKeyVariables variables = AccessKeyVariables.of(blank, blank);
            assertEquals("ZENLAYER_ACCESS_KEY_ID", variables.accessKeyId());
            assertEquals("ZENLAYER_ACCESS_KEY_SECRET", variables.accessKeyPassword());
            assertEquals(Optional.empty(), variables.problem());
        }
    }

    @Test
    void givenNamesAreKeptWithoutSurroundingWhitespace() {
        AccessKeyVariables variables = AccessKeyVariables.of(" ZENLAYERCLOUD_ACCESS_KEY_ID ", "zl_password_2");
        assertEquals("ZENLAYERCLOUD_ACCESS_KEY_ID", variables.accessKeyId());
        assertEquals("zl_password_2", variables.accessKeyPassword());
        assertEquals(Optional.empty(), variables.problem());
    }

    @Test
    void oneNameMayBeGivenAndTheOtherLeftToItsDefault() {
        AccessKeyVariables variables = AccessKeyVariables.of(null, "_SECRET");
        assertEquals("ZENLAYER_ACCESS_KEY_ID", variables.accessKeyId());
        assertEquals("_SECRET", variables.accessKeyPassword());
        assertEquals(Optional.empty(), variables.problem());
    }

    @Test
    void namesThatAreNotPortableEnvironmentVariableNamesAreRejected() {
        for (String bad : List.of("1ID", "ZL-ID", "ZL ID", "ZL.ID", "ZL$ID", "PATH+EXTRA", "ZL_ID=x", "ЗЛ_ID")) {
            AccessKeyVariables badId = AccessKeyVariables.of(bad, null);
            assertThat(
                    bad,
                    badId.problem().orElse(""),
                    allOf(containsString("access key ID variable"), containsString('"' + bad.strip() + '"')));
            assertEquals(badId.problem(), badId.accessKeyIdProblem(), bad);
            assertEquals(Optional.empty(), badId.accessKeyPasswordProblem(), bad);

            AccessKeyVariables badPassword = AccessKeyVariables.of(null, bad);
            assertThat(
                    bad,
                    badPassword.problem().orElse(""),
                    allOf(containsString("access key password variable"), containsString('"' + bad.strip() + '"')));
            assertEquals(badPassword.problem(), badPassword.accessKeyPasswordProblem(), bad);
            assertEquals(Optional.empty(), badPassword.accessKeyIdProblem(), bad);
        }
    }

    @Test
    void theSameNameForBothValuesIsRejectedOnBothFields() {
        AccessKeyVariables same = AccessKeyVariables.of("ZL_KEY", "ZL_KEY");
        String problem = same.problem().orElse("");
        assertThat(problem, containsString("ZL_KEY"));
        assertThat(problem, containsString("different"));
        assertEquals(Optional.of(problem), same.accessKeyIdProblem());
        assertEquals(Optional.of(problem), same.accessKeyPasswordProblem());
    }

    @Test
    void aNameEqualToTheOtherDefaultIsTheSameName() {
        AccessKeyVariables clash = AccessKeyVariables.of("ZENLAYER_ACCESS_KEY_SECRET", "");
        assertTrue(clash.problem().isPresent());
        assertTrue(clash.accessKeyIdProblem().isPresent());
    }

    @Test
    void namesDifferingOnlyInCaseAreTheSameVariableForJenkins() {
        assertThat(AccessKeyVariables.of("zl_key", "ZL_KEY").problem().orElse(""), containsString("zl_key"));
        assertEquals(
                Optional.empty(), AccessKeyVariables.of("ZL_KEY_ID", "ZL_KEY").problem());
    }

    @Test
    void anInvalidNameIsReportedBeforeTheClash() {
        assertThat(AccessKeyVariables.of("9", "9").problem().orElse(""), containsString("access key ID variable"));
    }

    @Test
    void bothVariablesAreListedIdFirst() {
        assertThat(
                AccessKeyVariables.of(null, null).names(),
                contains("ZENLAYER_ACCESS_KEY_ID", "ZENLAYER_ACCESS_KEY_SECRET"));
        assertThat(AccessKeyVariables.of("B_ID", "A_SECRET").names(), contains("B_ID", "A_SECRET"));
    }

    @Test
    void valuesGoToTheirOwnVariables() {
        Map<String, String> values = AccessKeyVariables.of("ZL_ID", "ZL_SECRET").values("AKID-1", "pw-1");
        assertEquals(Map.of("ZL_ID", "AKID-1", "ZL_SECRET", "pw-1"), values);
        assertThat(values.keySet(), contains("ZL_ID", "ZL_SECRET"));
    }
}
