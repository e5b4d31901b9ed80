package org.ringtree.runtime.console;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ringtree.editor.fraud.FraudPort;
import org.ringtree.editor.fraud.FraudProblem;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudCheck;
import org.ringtree.runtime.directory.DirectoryNames;
import org.ringtree.runtime.fraud.FraudAdmin;
import org.ringtree.runtime.fraud.FraudRefused;
import org.ringtree.runtime.fraud.PolicySettings;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The operator's fraud screen over the service behind /api/fraud, for the same roles (admins and
 * operators); changes are attributed to the signed-in user and audited there.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsoleFraud implements FraudPort {

  private final FraudAdmin admin;
  private final DirectoryNames names;

  ConsoleFraud(FraudAdmin admin, DirectoryNames names) {
    this.admin = admin;
    this.names = names;
  }

  @Override
  public List<String> checks() {
    return Arrays.stream(FraudCheck.values()).map(Enum::name).toList();
  }

  @Override
  public List<String> actions() {
    return Arrays.stream(FraudAction.values()).map(Enum::name).toList();
  }

  @Override
  public Map<String, String> campaigns() {
    Map<String, String> all = new LinkedHashMap<>();
    names.search(DirectoryNames.Kind.CAMPAIGN, "", 0, 1000).forEach(n -> all.put(n.id(), n.name()));
    return all;
  }

  @Override
  public List<Entry> entries(int offset, int limit) {
    return admin.entries(null, offset, limit).stream()
        .map(
            e ->
                new Entry(
                    e.id(),
                    e.kind(),
                    e.value(),
                    e.shown(),
                    e.listName(),
                    e.note(),
                    e.addedBy(),
                    e.addedAt()))
        .toList();
  }

  @Override
  public long countEntries() {
    return admin.count(null);
  }

  @Override
  public int importCsv(String text, String listName, boolean confirm) {
    return refusedInTheApisWords(() -> admin.importCsv(text, listName, confirm, actor())).entries();
  }

  @Override
  public void delete(long id) {
    refusedInTheApisWords(() -> admin.delete(id, actor()));
  }

  @Override
  public Optional<Policy> policy(String scope) {
    return admin.policy(scope).map(ConsoleFraud::policy);
  }

  @Override
  public Policy save(Policy p, boolean confirm) {
    Map<FraudCheck, FraudAction> actions = new EnumMap<>(FraudCheck.class);
    p.actions().forEach((k, v) -> actions.put(FraudCheck.valueOf(k), FraudAction.valueOf(v)));
    return policy(
        refusedInTheApisWords(
            () ->
                admin.save(
                    p.scope(),
                    new PolicySettings(
                        actions,
                        p.velocityCalls(),
                        p.velocityWindowMinutes(),
                        p.minimumAttestation(),
                        p.message(),
                        p.rotationNumbers(),
                        p.rotationWindowMinutes()),
                    confirm,
                    actor())));
  }

  @Override
  public List<Finding> findings(int limit) {
    return admin.recentFindings(limit).stream()
        .map(
            f ->
                new Finding(
                    f.at(),
                    f.callSid(),
                    f.caller(),
                    f.campaignId(),
                    f.publisherId(),
                    f.check(),
                    f.outcome(),
                    f.reason()))
        .toList();
  }

  private static Policy policy(FraudAdmin.Policy p) {
    Map<String, String> actions = new LinkedHashMap<>();
    p.settings().actions().forEach((k, v) -> actions.put(k.name(), v.name()));
    return new Policy(
        p.scope(),
        actions,
        p.settings().velocityCalls(),
        p.settings().velocityWindowMinutes(),
        p.settings().minimumAttestation(),
        p.settings().message(),
        p.settings().rotationNumbers(),
        p.settings().rotationWindowMinutes(),
        p.version());
  }

  private static <T> T refusedInTheApisWords(Supplier<T> change) {
    try {
      return change.get();
    } catch (FraudRefused r) {
      List<String> details =
          r.lines().isEmpty()
              ? r.needsConfirmation()
              : r.lines().stream().map(l -> "line " + l.line() + ": " + l.problem()).toList();
      throw new FraudProblem(r.getMessage(), details, !r.needsConfirmation().isEmpty());
    } catch (IllegalArgumentException e) {
      throw new FraudProblem(String.valueOf(e.getMessage()), List.of(), false);
    }
  }

  private static String actor() {
    return SignedInUser.current()
        .map(SignedInUser::getUsername)
        .orElseThrow(() -> new IllegalStateException("fraud changes need a signed-in user"));
  }
}
