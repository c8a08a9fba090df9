package io.jenkins.plugins.zenlayer.offline;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every test method of an {@code *ITest} class: those tests need a running Jenkins, which the
 * offline build does not have (it compiles them against API declarations only). The real build,
 * {@code mvn verify} with the Jenkins parent POM, runs them. Registered through JUnit's extension
 * auto-detection, so the tests themselves carry nothing offline-specific, and each skipped method
 * is reported as skipped rather than silently excluded.
 */
public class RunningJenkinsRequired implements ExecutionCondition {

    static final String REASON = "needs a running Jenkins; run by the real build (mvn verify)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (context.getTestMethod().isPresent()
                && testClass.isPresent()
                && outermost(testClass.get()).getSimpleName().endsWith("ITest")) {
            return ConditionEvaluationResult.disabled(REASON);
        }
        return ConditionEvaluationResult.enabled("runs offline");
    }

    private static Class<?> outermost(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }
}
