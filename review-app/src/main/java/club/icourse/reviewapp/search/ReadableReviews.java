package club.icourse.reviewapp.search;

import club.icourse.reviewapp.people.Person;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The review read rules of {@link club.icourse.reviewapp.review.Visibility} as an index
 * filter, so that counts and pages hold only what the searcher may read. The page still
 * checks each shown review against the database.
 */
final class ReadableReviews {

	private ReadableReviews() {
	}

	static Query by(Optional<Person> viewer) {
		BooleanQuery.Builder readable = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
			.add(flag(IndexFields.HIDDEN), Occur.MUST_NOT);
		if (!viewer.map(Person::admin).orElse(false)) {
			readable.add(flag(IndexFields.BLOCKED), Occur.MUST_NOT);
		}
		if (!viewer.map(Person::isStudent).orElse(false)) {
			readable.add(flag(IndexFields.STUDENTS_ONLY), Occur.MUST_NOT);
		}
		if (viewer.isEmpty()) {
			return readable.build();
		}
		return new BooleanQuery.Builder().add(readable.build(), Occur.SHOULD)
			.add(new TermQuery(new Term(IndexFields.AUTHOR, Long.toString(viewer.get().id()))), Occur.SHOULD)
			.build();
	}

	private static Query flag(String flag) {
		return new TermQuery(new Term(IndexFields.FLAG, flag));
	}

}
