package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.DirectoryAdminPort.Kind;
import org.ringtree.editor.directory.DirectoryAdminPort.Row;

class DirectoryRowsTest {

  private final FakeDirectory port = new FakeDirectory();
  private final DirectoryRows rows = new DirectoryRows(port, Kind.TARGET);

  @Test
  void theGridsPageAndSortGoToThePortAsTheyAre() {
    rows.search("  acme ");
    rows.owner("acme");

    List<Row> page =
        rows.fetch(
                new Query<>(
                    100,
                    50,
                    List.of(new QuerySortOrder("priority", SortDirection.DESCENDING)),
                    null,
                    null))
            .toList();

    assertThat(page).hasSize(20).first().extracting(Row::id).isEqualTo("id-100");
    assertThat(port.pages)
        .singleElement()
        .isEqualTo(
            new FakeDirectory.PageCall(
                Kind.TARGET,
                new DirectoryAdminPort.Query("acme", "priority", true, "acme"),
                100,
                50));
  }

  @Test
  void anUnsortedGridLetsThePlatformChooseTheOrder() {
    rows.fetch(new Query<>(0, 50, List.of(), null, null)).toList();

    assertThat(port.pages.get(0).query())
        .isEqualTo(new DirectoryAdminPort.Query("", null, false, null));
    assertThat(rows.count(new Query<>())).isEqualTo(120);
  }
}
