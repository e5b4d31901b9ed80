package org.ringtree.editor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginViewTest {

  @Test
  void aLockOutIsExplainedWithThePlatformsReason() {
    var error =
        LoginView.errorText("too many failed sign-ins from this address; try again later")
            .getErrorMessage();
    assertThat(error.getTitle()).isEqualTo("Sign-in refused for now");
    assertThat(error.getMessage())
        .isEqualTo("There were too many failed sign-ins from this address; try again later.");
  }

  @Test
  void anyOtherFailureSaysTheUsernameOrPasswordIsWrongWithoutSayingWhich() {
    var error = LoginView.errorText("Bad credentials").getErrorMessage();
    assertThat(error.getTitle()).isEqualTo("Incorrect username or password");
    assertThat(LoginView.errorText(null).getErrorMessage().getMessage())
        .isEqualTo(LoginView.WRONG_PASSWORD);
  }

  @Test
  void theFormSaysSignInLikeTheRestOfTheConsole() {
    assertThat(LoginView.texts().getForm().getTitle()).isEqualTo("Sign in");
    assertThat(LoginView.errorText(null).getForm().getSubmit()).isEqualTo("Sign in");
  }
}
