package dev.megalite.gql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** parse(format(parse(x))) is parse(x), up to positions, for every valid example. */
class GqlFormatterRoundTripTest {

  @TestFactory
  Stream<DynamicTest> formattingAValidExampleAndReadingItBackGivesTheSameTreeAndQuery() {
    return Example.load("valid").stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      GqlStatement first = Gql.parseUncached(e.text(), e.dialect());
                      String canonical = first.format();
                      GqlStatement second = Gql.parseUncached(canonical, e.dialect());
                      assertThat(AstPositions.strip(second.ast()))
                          .isEqualTo(AstPositions.strip(first.ast()));
                      assertThat(second.format()).isEqualTo(canonical);
                      GqlBindings args = Args.parse(e.directive("args"));
                      String namespace = e.directive("namespace");
                      assertThat(second.bind(args, Args.PROJECT, namespace))
                          .isEqualTo(first.bind(args, Args.PROJECT, namespace));
                    }));
  }
}
