package club.icourse.reviewapp.search;

import static club.icourse.reviewapp.search.IndexFields.CHARS;
import static club.icourse.reviewapp.search.IndexFields.DELETIONS;
import static club.icourse.reviewapp.search.IndexFields.EXACT;
import static club.icourse.reviewapp.search.IndexFields.NAME;
import static club.icourse.reviewapp.search.IndexFields.TEACHER;
import static club.icourse.reviewapp.search.IndexFields.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query of each matching step for each kind of result, or null where a step
 * does not apply (no abbreviations of teacher names, no pinyin for review text). Field
 * weights: name and code 4, teacher 2, text 1.
 */
final class LadderQueries {

	private static final float NAME_WEIGHT = 4;

	private static final float TEACHER_WEIGHT = 2;

	private static final int MAX_ABBREVIATION = 6;

	private static final int MAX_ONE_CHARACTER = 12;

	/**
	 * Teacher names are at most four characters (a two-character surname and two more): a
	 * longer query is not one.
	 */
	private static final int MAX_TEACHER_NAME = 4;

	/**
	 * Whole names within one edit: teacher names and short course names; longer ones are
	 * matched by their parts.
	 */
	static final int MAX_ONE_EDIT = 8;

	/** A normalised query and the pieces the steps use. */
	record Parsed(String text, List<String> tokens, List<String> characters, String han, String pinyin, String code) {

		static Parsed of(String normalized) {
			String code = normalized.matches("[a-z0-9.\\-]{2,32}") ? normalized : null;
			return new Parsed(normalized, SearchText.tokens(normalized), SearchText.characters(normalized),
					SearchText.han(normalized), Pinyin.asQuery(normalized), code);
		}

		/**
		 * Only Chinese characters (blanks aside): what abbreviations and one-character
		 * differences apply to.
		 */
		boolean allHan() {
			return !han.isEmpty() && han.length() == text.replace(" ", "").length();
		}
	}

	private LadderQueries() {
	}

	static Query of(MatchStep step, SearchKind kind, Parsed query) {
		if (query.tokens().isEmpty()) {
			return null;
		}
		return switch (step) {
			case EXACT -> exact(kind, query);
			case BIGRAMS -> query.tokens().size() < 2 ? null : allTokens(kind, query.tokens());
			case ABBREVIATION -> kind == SearchKind.COURSE ? abbreviation(query) : null;
			case ONE_CHARACTER ->
				kind == SearchKind.REVIEW || kind == SearchKind.TEACHER && query.text().length() > MAX_TEACHER_NAME + 1
						? null : oneCharacter(query);
			case PINYIN -> kind == SearchKind.REVIEW || query.pinyin() == null ? null : pinyin(kind, query.pinyin());
			case PARTIAL -> fields(kind, field -> anyTerm(field, query));
		};
	}

	private static Query exact(SearchKind kind, Parsed query) {
		Query text = fields(kind, field -> substring(field, query));
		if (kind != SearchKind.COURSE || query.code() == null) {
			return text;
		}
		return any(text, new BoostQuery(new PrefixQuery(new Term(IndexFields.CODE, query.code())), NAME_WEIGHT));
	}

	/**
	 * A phrase of bigrams is exactly a substring; a lone character is looked up among
	 * single characters.
	 */
	private static Query substring(String field, Parsed query) {
		if (query.tokens().size() == 1 && query.han().length() == 1 && query.text().length() == 1) {
			return field.equals(TEXT) ? null : new TermQuery(new Term(field + CHARS, query.tokens().getFirst()));
		}
		return new PhraseQuery(field, query.tokens().toArray(String[]::new));
	}

	/**
	 * Every token somewhere in the document: a course's name and teachers count as one
	 * ("分析 张三").
	 */
	private static Query allTokens(SearchKind kind, List<String> tokens) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		tokens.forEach(token -> all.add(fields(kind, field -> new TermQuery(new Term(field, token))), Occur.MUST));
		return all.build();
	}

	private static Query anyTerm(String field, Parsed query) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		query.tokens().forEach(term -> any.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
		return any.build();
	}

	/**
	 * Every ordered pair of the query's characters among the name's ordered pairs: 数分 in
	 * 数学分析.
	 */
	private static Query abbreviation(Parsed query) {
		String han = query.han();
		if (!query.allHan() || han.length() < 2 || han.length() > MAX_ABBREVIATION) {
			return null;
		}
		BooleanQuery.Builder pairs = new BooleanQuery.Builder();
		for (int i = 0; i < han.length(); i++) {
			for (int j = i + 1; j < han.length(); j++) {
				pairs.add(new TermQuery(new Term(IndexFields.ABBREVIATION, "" + han.charAt(i) + han.charAt(j))),
						Occur.MUST);
			}
		}
		return new BoostQuery(pairs.build(), NAME_WEIGHT);
	}

	/**
	 * The whole name within one edit (章三 for 张三), or a part of the name with one
	 * character different, missing or added. Three-character queries are matched
	 * character by character; longer ones by their bigrams at their positions, which are
	 * far rarer than single characters and so much cheaper to intersect.
	 */
	private static Query oneCharacter(Parsed query) {
		List<Query> variants = new ArrayList<>();
		String text = query.text();
		if (text.length() >= 2 && text.length() <= MAX_ONE_EDIT) {
			variants.add(new BoostQuery(oneEdit(text), NAME_WEIGHT));
		}
		String han = query.han();
		if (query.allHan() && han.length() == 3) {
			for (int i = 0; i < han.length(); i++) {
				variants.add(characters(han, i, 0));
				variants.add(characters(han, i, -1));
				if (i > 0) {
					variants.add(characters(han, i, 1));
				}
			}
		}
		else if (query.allHan() && han.length() > 3 && han.length() <= MAX_ONE_CHARACTER) {
			for (int i = 0; i < han.length(); i++) {
				variants.add(bigrams(han.substring(0, i) + han.substring(i + 1)));
				variants.add(apart(han.substring(0, i), han.substring(i + 1)));
				if (i > 0) {
					variants.add(apart(han.substring(0, i), han.substring(i)));
				}
			}
		}
		return any(variants.toArray(Query[]::new));
	}

	/**
	 * Names one edit from the text, by their deletions (indexed for each name): a name
	 * with one character more has the text among its deletions, one with a character less
	 * is among the text's deletions, and one with a character changed shares a deletion
	 * with it. Term lookups only: a fuzzy query would walk 170,000 names.
	 */
	private static Query oneEdit(String text) {
		List<Query> names = new ArrayList<>();
		names.add(new TermQuery(new Term(NAME + DELETIONS, text)));
		for (String deletion : SearchText.deletions(text)) {
			names.add(new TermQuery(new Term(NAME + EXACT, deletion)));
			names.add(new TermQuery(new Term(NAME + DELETIONS, deletion)));
		}
		return any(names.toArray(Query[]::new));
	}

	/**
	 * The query's characters as a phrase of single characters, changed at {@code at}:
	 * shift 0, any character in its place; -1, it is left out; 1, one more character
	 * before it.
	 */
	private static Query characters(String han, int at, int shift) {
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		for (int i = 0; i < han.length(); i++) {
			if (i == at && shift <= 0) {
				continue;
			}
			int position = i < at ? i : i + shift;
			phrase.add(new Term(NAME + CHARS, String.valueOf(han.charAt(i))), position);
		}
		return phrase.build();
	}

	private static Query bigrams(String han) {
		return new PhraseQuery(NAME, SearchText.tokens(han).toArray(String[]::new));
	}

	/**
	 * Left, one unknown character, then right, as bigrams at their positions. A
	 * one-character side has no bigram of its own: it is then only required somewhere in
	 * the name.
	 */
	private static Query apart(String left, String right) {
		if (left.length() < 2 || right.length() < 2) {
			String lone = left.length() < 2 ? left : right;
			String side = left.length() < 2 ? right : left;
			BooleanQuery.Builder both = new BooleanQuery.Builder().add(bigrams(side), Occur.MUST);
			if (!lone.isEmpty()) {
				both.add(new TermQuery(new Term(NAME + CHARS, lone)), Occur.MUST);
			}
			return both.build();
		}
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		List<String> leftBigrams = SearchText.tokens(left);
		for (int i = 0; i < leftBigrams.size(); i++) {
			phrase.add(new Term(NAME, leftBigrams.get(i)), i);
		}
		List<String> rightBigrams = SearchText.tokens(right);
		for (int i = 0; i < rightBigrams.size(); i++) {
			phrase.add(new Term(NAME, rightBigrams.get(i)), left.length() + 1 + i);
		}
		return phrase.build();
	}

	/**
	 * Spellings start anywhere in the name (prefix); the whole name spelled out ranks
	 * first.
	 */
	private static Query pinyin(SearchKind kind, String pinyin) {
		List<Query> spellings = new ArrayList<>();
		spellings.add(new BoostQuery(new TermQuery(new Term(IndexFields.PINYIN, pinyin)), 2 * NAME_WEIGHT));
		spellings.add(new BoostQuery(new TermQuery(new Term(IndexFields.INITIALS, pinyin)), 2 * NAME_WEIGHT));
		spellings.add(new BoostQuery(new PrefixQuery(new Term(IndexFields.PINYIN, pinyin)), NAME_WEIGHT));
		spellings.add(new BoostQuery(new PrefixQuery(new Term(IndexFields.INITIALS, pinyin)), NAME_WEIGHT));
		if (kind == SearchKind.COURSE) {
			spellings.add(new BoostQuery(new TermQuery(new Term(IndexFields.TEACHER_PINYIN, pinyin)), TEACHER_WEIGHT));
			spellings
				.add(new BoostQuery(new TermQuery(new Term(IndexFields.TEACHER_INITIALS, pinyin)), TEACHER_WEIGHT));
		}
		return any(spellings.toArray(Query[]::new));
	}

	/** The step's query over each field the kind has, weighted. */
	private static Query fields(SearchKind kind, Function<String, Query> perField) {
		return switch (kind) {
			case COURSE ->
				any(weighted(perField.apply(NAME), NAME_WEIGHT), weighted(perField.apply(TEACHER), TEACHER_WEIGHT));
			case TEACHER -> weighted(perField.apply(NAME), NAME_WEIGHT);
			case REVIEW -> perField.apply(TEXT);
		};
	}

	private static Query weighted(Query query, float weight) {
		return query == null ? null : new BoostQuery(query, weight);
	}

	private static Query any(Query... queries) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		int clauses = 0;
		for (Query query : queries) {
			if (query != null) {
				any.add(query, Occur.SHOULD);
				clauses++;
			}
		}
		return clauses == 0 ? null : any.build();
	}

}
