package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceIdInputTest {

    @Test
    void aPlainIdIsFine() {
        assertEquals(Optional.empty(), InstanceIdInput.problem("i-0123456789abcdef"));
        assertEquals(Optional.empty(), InstanceIdInput.problem("  i-0123  "));
        assertFalse(InstanceIdInput.hasVariables("i-0123"));
    }

    @Test
    void anUnresolvedBracedVariableIsNamed() {
        String problem = InstanceIdInput.problem("${INSTANCE_ID}").orElseThrow();
        assertThat(problem, allOf(containsString("${INSTANCE_ID}"), containsString("INSTANCE_ID")));
    }

    @Test
    void anUnresolvedVariableInsideTheIdIsNamed() {
        String problem = InstanceIdInput.problem("i-${SUFFIX}").orElseThrow();
        assertThat(problem, containsString("${SUFFIX}"));
    }

    @Test
    void anUnresolvedPlainVariableIsNamed() {
        assertThat(InstanceIdInput.problem("$INSTANCE").orElseThrow(), containsString("$INSTANCE"));
    }

    @Test
    void pipelineStyleReferencesAreFound() {
        assertThat(InstanceIdInput.unresolvedVariables("${params.ID}-${env.X}"), contains("${params.ID}", "${env.X}"));
        assertEquals("params.ID", InstanceIdInput.variableName("${params.ID}"));
        assertEquals("X", InstanceIdInput.variableName("$X"));
        assertThat(InstanceIdInput.unresolvedVariables(null), empty());
    }

    @Test
    void formValuesWithVariablesAreRecognised() {
        assertTrue(InstanceIdInput.hasVariables("${ID}"));
        assertTrue(InstanceIdInput.hasVariables("i-$N"));
        assertFalse(InstanceIdInput.hasVariables("i-$"));
    }

    @Test
    void clientSideProblemsAreExplained() {
        assertTrue(InstanceIdInput.problem(null).isPresent());
        assertTrue(InstanceIdInput.problem("   ").isPresent());
        assertThat(InstanceIdInput.problem("i-1 i-2").orElseThrow(), containsString("whitespace"));
        assertTrue(InstanceIdInput.problem("i-1\u0007").isPresent());
        assertThat(InstanceIdInput.problem("i".repeat(129)).orElseThrow(), containsString("128"));
        assertEquals(Optional.empty(), InstanceIdInput.problem("i".repeat(128)));
    }
}
