package org.alliance.web.administrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.alliance.core.scoring.Answer;
import org.alliance.core.scoring.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnswersJsonTest {
  static Stream<Long> seeds() {
    return new Random(11).longs(300).boxed();
  }

  /**
   * Random answers (whole numbers, tenths, every reason for a missing answer) come back equal and
   * in order.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void answersRoundTripInOrder(long seed) {
    Random random = new Random(seed);
    Answers.Builder builder = Answers.builder(10);
    int items = 1 + random.nextInt(34);
    for (int i = 1; i <= items; i++) {
      int kind = random.nextInt(5);
      Answer answer =
          switch (kind) {
            case 0 -> Answer.NotAnswered.values()[random.nextInt(3)];
            case 1 -> Answer.of(random.nextInt(101) / 10.0);
            default -> Answer.of(random.nextInt(7));
          };
      builder.put("item_" + i, answer);
    }
    Answers answers = builder.build();
    Answers back = AnswersJson.read(AnswersJson.write(answers));
    assertThat(back).isEqualTo(answers);
    assertThat(back.keySet()).containsExactlyElementsOf(answers.keySet());
  }

  @Test
  void unreadableAnswersAreNeverStored() {
    Answers answers = Answers.builder(1).put("phq9_1", new Answer.Unreadable("three")).build();
    assertThatThrownBy(() -> AnswersJson.write(answers))
        .hasMessageContaining("phq9_1")
        .hasMessageContaining("three");
  }
}
