package club.icourse.reviewapp.search;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits already normalised text into {@link SearchText#tokens} (bigrams and words,
 * consecutive positions, so that a phrase of bigrams is an exact substring), or into
 * single characters for the {@code _chars} fields.
 */
final class TokenAnalyzer extends Analyzer {

	/** Per field: the default would reuse the first field's tokenizer for every field. */
	TokenAnalyzer() {
		super(PER_FIELD_REUSE_STRATEGY);
	}

	@Override
	protected TokenStreamComponents createComponents(String field) {
		return new TokenStreamComponents(new ListTokenizer(field.endsWith(IndexFields.CHARS)));
	}

	/**
	 * Values of a multi-valued field (a course's teachers) never form a phrase across
	 * each other.
	 */
	@Override
	public int getPositionIncrementGap(String field) {
		return 100;
	}

	private static final class ListTokenizer extends Tokenizer {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final boolean characters;

		private List<String> tokens = List.of();

		private int next;

		ListTokenizer(boolean characters) {
			this.characters = characters;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			String text = read(input);
			tokens = characters ? SearchText.characters(text) : SearchText.tokens(text);
			next = 0;
		}

		@Override
		public boolean incrementToken() {
			clearAttributes();
			if (next >= tokens.size()) {
				return false;
			}
			term.setEmpty().append(tokens.get(next++));
			return true;
		}

		private static String read(Reader reader) throws IOException {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[4096];
			for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
				text.append(buffer, 0, read);
			}
			return text.toString();
		}

	}

}
