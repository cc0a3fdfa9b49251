package org.alliance.web.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditActionTest {
  @Test
  void everyCodeIsStoredOnceAndReadBack() {
    assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code)).doesNotHaveDuplicates();
    for (AuditAction action : AuditAction.values()) {
      assertThat(AuditAction.ofCode(action.code())).contains(action);
    }
    assertThat(AuditAction.ofCode("no.such")).isEmpty();
  }

  @Test
  void theWordsAreForPeopleNotCodes() {
    for (AuditAction action : AuditAction.values()) {
      assertThat(action.words()).doesNotContain(".").doesNotContain("_").isNotBlank();
    }
  }
}
