package org.alliance.web.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules for a client's e-mail address, mobile number and age band. */
class ClientContactsTest {
  @ParameterizedTest
  @CsvSource({
    "name@example.org, name@example.org",
    "' Name.Surname+alliance@Example.ORG ', Name.Surname+alliance@example.org",
    "o'brien@mail.example.co.uk, o'brien@mail.example.co.uk",
    "a@b-c.de, a@b-c.de"
  })
  void anEmailAddressIsTakenWithItsDomainInLowerCase(String typed, String kept) {
    assertThat(EmailAddress.of(typed)).map(EmailAddress::value).contains(kept);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "name",
        "name@",
        "@example.org",
        "name@example",
        "name@@example.org",
        "name@example..org",
        ".name@example.org",
        "name.@example.org",
        "na..me@example.org",
        "name@-example.org",
        "name@example-.org",
        "name@exa_mple.org",
        "name @example.org",
        "name@example.org.",
        "name@10.0.0.1",
        "\"quoted\"@example.org",
        "name@example.org<script>",
        "name@exämple.org"
      })
  void anythingElseIsNoEmailAddress(String typed) {
    assertThat(EmailAddress.of(typed)).isEmpty();
  }

  @Test
  void anEmailAddressHasTheLengthsMailServersTake() {
    String local64 = "a".repeat(64);
    assertThat(EmailAddress.of(local64 + "@example.org")).isPresent();
    assertThat(EmailAddress.of(local64 + "a@example.org")).isEmpty();
    String domain = ("b".repeat(60) + ".").repeat(3) + "example.org"; // 194 characters
    assertThat(EmailAddress.of("a".repeat(59) + "@" + domain)).isPresent(); // 254
    assertThat(EmailAddress.of("a".repeat(60) + "@" + domain)).isEmpty(); // 255
  }

  @Test
  void contactsNeverPrintTheirValue() {
    assertThat(EmailAddress.of("name@example.org").orElseThrow().toString()).doesNotContain("name");
    assertThat(mobile("+447400123456").toString()).doesNotContain("7400");
  }

  @ParameterizedTest
  @CsvSource({
    "+44 7400 123456, +447400123456",
    "+44 (0)7400-123456, +447400123456",
    "+49 151 23456789, +4915123456789",
    "+34 612 345 678, +34612345678",
    "+33 6 12 34 56 78, +33612345678",
    "+1 (201) 555-0123, +12015550123"
  })
  void aMobileNumberIsKeptInE164Form(String typed, String kept) {
    assertThat(mobile(typed).value()).isEqualTo(kept);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "07400 123456|start with + and the country code",
        "+44 7400 12345|not a number of the country code +44",
        "+44 20 7946 0000|not a mobile number",
        "+49 30 12345678|not a mobile number",
        "+44 7400 123456 ext 5|expected a mobile number with + and the country code",
        "+999 123456789|expected a mobile number",
        "+4474001234560000000000000000000000|expected a mobile number"
      })
  void otherNumbersAreRefusedSayingWhy(String typed, String reason) {
    assertThat(MobileNumber.parse(typed))
        .isInstanceOfSatisfying(
            MobileNumber.Result.Refused.class,
            refused -> assertThat(refused.reason()).contains(reason));
  }

  @Test
  void aStoredNumberMustBeInE164Form() {
    assertThatThrownBy(() -> new MobileNumber("07700 900123"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "2008-03-02, under-18",
    "2008-02-29, 18-25",
    "2000-03-02, 18-25",
    "2000-03-01, 26-35",
    "1960-03-02, 56-65",
    "1960-03-01, over-65",
    "1906-03-02, over-65"
  })
  void theAgeBandFollowsTheDateOfBirth(LocalDate born, String band) {
    assertThat(AgeBand.of(born, LocalDate.of(2026, 3, 1)).code()).isEqualTo(band);
  }

  private static MobileNumber mobile(String typed) {
    MobileNumber.Result result = MobileNumber.parse(typed);
    assertThat(result).isInstanceOf(MobileNumber.Result.Taken.class);
    return ((MobileNumber.Result.Taken) result).number();
  }
}
