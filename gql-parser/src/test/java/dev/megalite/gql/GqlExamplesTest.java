package dev.megalite.gql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every example in {@code gql/valid} and {@code gql/invalid}. */
class GqlExamplesTest {
  private static final List<Example> VALID = Example.load("valid");
  private static final List<Example> INVALID = Example.load("invalid");

  @Test
  void theExampleFilesHoldAtLeast150ValidAnd100InvalidQueries() {
    assertThat(VALID).hasSizeGreaterThanOrEqualTo(150);
    assertThat(INVALID).hasSizeGreaterThanOrEqualTo(100);
  }

  @TestFactory
  Stream<DynamicTest> everyValidExampleBindsToItsExpectedQuery() {
    return VALID.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      assertThat(e.directive("query")).as("-- query: line").isNotNull();
                      GqlStatement statement = Gql.parseUncached(e.text(), e.dialect());
                      assertThat(QueryText.of(e.bind())).isEqualTo(e.directive("query"));
                      if (e.directive("format") != null) {
                        assertThat(statement.format()).isEqualTo(e.directive("format"));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidExampleFailsWithItsExpectedMessage() {
    return INVALID.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      assertThat(e.directive("error")).as("-- error: line").isNotNull();
                      assertThatThrownBy(e::bind)
                          .isInstanceOf(GqlException.class)
                          .hasMessage(e.directive("error"));
                    }));
  }
}
