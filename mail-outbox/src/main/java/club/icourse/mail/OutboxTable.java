package club.icourse.mail;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The outbox table by name, as {@code mail_outbox.sql} (this module's definition of it)
 * declares it: each app has its own copy in its own database, created by that app's
 * migrations, so this module cannot use either app's generated classes. OutboxSchemaTest
 * checks that these names are columns of the definition and that both apps' migrations
 * create exactly it.
 */
final class OutboxTable {

	static final Table<Record> MAIL_OUTBOX = table(name("mail_outbox"));
	static final Field<Long> ID = field(name("id"), Long.class);
	static final Field<String> RECIPIENT = field(name("recipient"), String.class);
	static final Field<String> SUBJECT = field(name("subject"), String.class);
	static final Field<String> TEXT_BODY = field(name("text_body"), String.class);
	static final Field<String> HTML_BODY = field(name("html_body"), String.class);
	static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), LocalDateTime.class);
	static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);
	static final Field<LocalDateTime> NEXT_ATTEMPT_AT = field(name("next_attempt_at"), LocalDateTime.class);
	static final Field<LocalDateTime> SENT_AT = field(name("sent_at"), LocalDateTime.class);
	static final Field<LocalDateTime> FAILED_AT = field(name("failed_at"), LocalDateTime.class);
	static final Field<String> LAST_ERROR = field(name("last_error"), String.class);

	private OutboxTable() {
	}

}
