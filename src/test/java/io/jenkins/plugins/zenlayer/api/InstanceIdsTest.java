package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceIdsTest {

    private Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                Arguments.of(null, InstanceIdProblem.MISSING, "MISSING"),
                Arguments.of("", InstanceIdProblem.MISSING, "MISSING"),
                Arguments.of(" \t\n ", InstanceIdProblem.MISSING, "MISSING"),
                Arguments.of("${ID}", InstanceIdProblem.UNEXPANDED_VARIABLE, "'${ID}'"),
                Arguments.of("bmc i-1", InstanceIdProblem.CONTAINS_WHITESPACE, "'bmc i-1'"),
                Arguments.of("bmc\ti-1", InstanceIdProblem.CONTAINS_WHITESPACE, "'bmc\\u0009i-1'"),
                Arguments.of("bmc\u00A0i-1", InstanceIdProblem.CONTAINS_WHITESPACE, "WHITESPACE"),
                Arguments.of("bmc-i-1\nsecond", InstanceIdProblem.CONTAINS_WHITESPACE, "\\u000Asecond"),
                Arguments.of("bmc\u0000i-1", InstanceIdProblem.CONTAINS_CONTROL_CHARACTER, "'bmc\\u0000i-1'"),
                Arguments.of("bmc-i-1\u007F", InstanceIdProblem.CONTAINS_CONTROL_CHARACTER, "CONTROL_CHARACTER"),
                Arguments.of("x".repeat(129), InstanceIdProblem.TOO_LONG, "TOO_LONG"));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void badIdsAreRejectedBeforeAnyRequest(String raw, InstanceIdProblem problem, String messagePart) throws Exception {
        assertThat(InstanceIds.check(raw), is(Optional.of(problem)));

        InvalidRequestException e = assertThrows(
                InvalidRequestException.class, () -> fx.service().cancelInstanceBandwidthDowngrade(raw, null));

        assertThat(e.getMessage(), containsString(messagePart));
        assertThat(e.problem(), is(problem));
        assertThat(e.getMessage().chars().anyMatch(Character::isISOControl), is(false));
        assertThat(e, instanceOf(IllegalArgumentException.class));
        assertThat(fx.fake.requestCount(), is(0));
    }

    @Test
    void goodIdsAreStrippedAndAccepted() {
        assertThat(InstanceIds.check(" bmc-i-1 "), is(Optional.empty()));
        assertThat(InstanceIds.normalize("\t bmc-i-1 \n"), is("bmc-i-1"));
        assertThat(InstanceIds.normalize("x".repeat(128)), is("x".repeat(128)));
        assertThat(InstanceIds.normalize("实例-1"), is("实例-1"));
    }

    @Test
    void variableReferencesAreFoundAndNamed() {
        assertThat(InstanceIds.variableReferences("${params.ID}-${env.X}"), contains("${params.ID}", "${env.X}"));
        assertThat(InstanceIds.variableName("${params.ID}"), is("params.ID"));
        assertThat(InstanceIds.variableName("$X"), is("X"));
        assertThat(InstanceIds.variableReferences(null), empty());
        assertThat(InstanceIds.variableReferences("i-$N"), contains("$N"));
        assertThat(InstanceIds.variableReferences("i-$"), empty());
        assertThat(InstanceIds.check("i-$"), is(Optional.empty()));
    }
}
