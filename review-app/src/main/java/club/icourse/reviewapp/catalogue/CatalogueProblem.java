package club.icourse.reviewapp.catalogue;

import java.util.List;

/**
 * Why a catalogue file is refused: where (an entry such as {@code courses[12]}, with its
 * name when it has one), which field, and what is wrong as a message key
 * ({@code catalogue.problem.*}) with its arguments.
 */
public record CatalogueProblem(String entry, String field, String code, List<Object> arguments) {

	static CatalogueProblem of(String entry, String field, String code, Object... arguments) {
		return new CatalogueProblem(entry, field, code, List.of(arguments));
	}

	public String messageKey() {
		return "catalogue.problem." + code;
	}
}
