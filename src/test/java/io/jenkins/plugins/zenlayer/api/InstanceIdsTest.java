package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
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
                Arguments.of(null, InstanceIdProblem.MISSING, "missing"),
                Arguments.of("", InstanceIdProblem.MISSING, "missing"),
                Arguments.of(" \t\n ", InstanceIdProblem.MISSING, "missing"),
                Arguments.of("bmc i-1", InstanceIdProblem.CONTAINS_WHITESPACE, "'bmc i-1'"),
                Arguments.of("bmc\ti-1", InstanceIdProblem.CONTAINS_WHITESPACE, "'bmc\\u0009i-1'"),
                Arguments.of("bmc\u00A0i-1", InstanceIdProblem.CONTAINS_WHITESPACE, "whitespace"),
                Arguments.of("bmc-i-1\nsecond", InstanceIdProblem.CONTAINS_WHITESPACE, "single word"),
                Arguments.of("bmc\u0000i-1", InstanceIdProblem.CONTAINS_CONTROL_CHARACTER, "'bmc\\u0000i-1'"),
                Arguments.of("bmc-i-1\u007F", InstanceIdProblem.CONTAINS_CONTROL_CHARACTER, "control character"),
                Arguments.of("x".repeat(129), InstanceIdProblem.TOO_LONG, "129 characters long; at most 128"));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void badIdsAreRejectedBeforeAnyRequest(String raw, InstanceIdProblem problem, String messagePart) throws Exception {
        assertThat(InstanceIds.check(raw), is(Optional.of(problem)));

        InvalidRequestException e = assertThrows(
                InvalidRequestException.class, () -> fx.service().cancelInstanceBandwidthDowngrade(raw, null));

        assertThat(e.getMessage(), containsString(messagePart));
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
    void everyProblemHasAnExplanation() {
        for (InstanceIdProblem p : InstanceIdProblem.values()) {
            assertThat(InstanceIds.describe(p).length() > 20, is(true));
        }
        assertThat(InstanceIds.describe(InstanceIdProblem.TOO_LONG), containsString("128"));
    }
}
