package dev.megalite.examples;

import dev.megalite.api.model.Entity;
import dev.megalite.api.model.GqlQuery;
import dev.megalite.api.model.Id;
import dev.megalite.api.model.Models;
import dev.megalite.api.model.Page;
import dev.megalite.api.model.Parent;
import dev.megalite.api.model.Ref;
import dev.megalite.api.model.Text;
import dev.megalite.api.query.Cursor;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * App Engine's guestbook: greetings stored under their guestbook (one entity group per book, so a
 * book reads consistently and can be written in a transaction), listed newest first and paged with
 * cursors, as a web page would page them with a "next" link carrying the url-safe cursor.
 *
 * <p>Newest first without a composite index: a greeting's key name starts with its time inverted
 * ({@code Long.MAX_VALUE} minus the microseconds), so the ancestor query's natural key order is
 * newest first. With an index on (Greeting, ancestor, date desc) in {@code index.yaml}, {@code
 * ORDER BY date DESC} gives the same order.
 */
public final class Guestbook {

  /** A guestbook: the entity-group root of its greetings. */
  @Entity
  public record Book(@Id String name, String title) {}

  /** One greeting; records are entities too. */
  @Entity
  public record Greeting(@Id String id, @Parent Ref<Book> book, String author, Text content,
      Instant date) {

    /** A greeting whose key name sorts newest first. */
    static Greeting of(Ref<Book> book, String author, String content, Instant date, int seq) {
      long micros = date.getEpochSecond() * 1_000_000 + date.getNano() / 1_000;
      String id = String.format("%019d-%04d", Long.MAX_VALUE - micros, seq);
      return new Greeting(id, book, author, Text.of(content), date);
    }
  }

  private static final Instant OPENING = Instant.parse("2024-05-01T09:00:00Z");
  private static final int PAGE_SIZE = 5;

  private final PrintStream out;

  Guestbook(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    Path dir = Path.of(ExampleArgs.value(args, "--data-dir", "data/guestbook"));
    MegaliteDatastore ds = Megalite.openDefault(dir);
    try {
      System.out.println("Megalite example: guestbook in " + dir.toAbsolutePath());
      new Guestbook(System.out).run();
    } finally {
      ds.close();
    }
  }

  void run() {
    Ref<Book> main = Models.ref(Models.put(new Book("main", "The main guestbook")));
    Ref<Book> staff = Models.ref(Models.put(new Book("staff", "Staff only")));
    sign(main, 12);
    sign(staff, 3);

    GqlQuery<Greeting> newestFirst =
        GqlQuery.of(Greeting.class, "SELECT * FROM Greeting WHERE ANCESTOR IS :1", main);
    out.printf("'%s' has %d greetings; '%s' has %d%n", main.get().title(), newestFirst.count(),
        staff.get().title(), GqlQuery.of(Greeting.class,
            "SELECT * FROM Greeting WHERE ANCESTOR IS :1", staff).count());

    Cursor cursor = null;
    int pageNumber = 0;
    while (true) {
      Page<Greeting> page =
          (cursor == null ? newestFirst : newestFirst.startAt(cursor)).fetchPage(PAGE_SIZE);
      out.println();
      out.println("== page " + ++pageNumber);
      for (Greeting g : page.items()) {
        out.printf("  %s  %-10s %s%n", g.date(), g.author(), g.content());
      }
      if (!page.hasMore()) {
        out.println("  (last page)");
        break;
      }
      String link = page.cursor().toUrlSafe();
      out.println("  next page: ?cursor=" + abbreviate(link));
      cursor = Cursor.fromUrlSafe(link);
    }

    Greeting newest = newestFirst.first();
    out.println();
    out.println("newest greeting: '" + newest.content() + "' by " + newest.author()
        + " in guestbook '" + newest.book().name() + "'");
  }

  private void sign(Ref<Book> book, int count) {
    List<Greeting> greetings = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String author = i % 3 == 0 ? "anonymous" : "guest" + i;
      greetings.add(Greeting.of(book, author, "Greeting number " + i + " in " + book.name(),
          OPENING.plusSeconds(600L * i), i));
    }
    Models.putAll(greetings);
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 12) + "…" + s.substring(s.length() - 8);
  }
}
