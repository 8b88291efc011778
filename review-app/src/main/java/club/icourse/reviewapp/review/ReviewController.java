package club.icourse.reviewapp.review;

import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseDetails;
import club.icourse.reviewapp.course.CoursesTaken;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.SignedIn;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Writing, editing, hiding, deleting and upvoting a review; blocking and restoring for
 * administrators; a review's history. (A review's own page is in the card feature.)
 */
@Controller
class ReviewController {

	static final String FORM = "review/form";
	static final String HISTORY = "review/history";

	private final Reviews reviews;

	private final ReviewHistory history;

	private final CourseCatalogue catalogue;

	private final Upvotes upvotes;

	private final SavedDrafts drafts;

	private final CoursesTaken taken;

	ReviewController(Reviews reviews, ReviewHistory history, CourseCatalogue catalogue, Upvotes upvotes,
			SavedDrafts drafts, CoursesTaken taken) {
		this.taken = taken;
		this.reviews = reviews;
		this.history = history;
		this.catalogue = catalogue;
		this.upvotes = upvotes;
		this.drafts = drafts;
	}

	@GetMapping("/courses/{courseId}/review")
	String form(@PathVariable long courseId, Authentication authentication, Model model) {
		Person author = SignedIn.required(authentication);
		CourseDetails course = catalogue.course(courseId).orElseThrow(ReviewNotFoundException::new);
		List<String> terms = reviews.termsOf(courseId);
		Optional<ReviewSnapshot> own = reviews.ownReview(courseId, author);
		Optional<SavedDrafts.SavedDraft> draft = drafts.find(author, courseId)
			.filter(saved -> own.isEmpty() || saved.savedAt().isAfter(own.get().updatedAt()));
		ReviewForm form = draft.map(SavedDrafts.SavedDraft::form)
			.or(() -> own.map(ReviewForm::of))
			.orElseGet(() -> ReviewForm.blank(terms, taken.termOf(Optional.of(author), courseId)));
		model.addAttribute("draftSavedAt", draft.map(SavedDrafts.SavedDraft::savedAt).orElse(null));
		return form(model, course, terms, form, own.isPresent(), null);
	}

	/**
	 * Keeps what the form holds (its script sends it every few seconds and when the page
	 * is left).
	 */
	@PostMapping("/courses/{courseId}/review/draft")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void saveDraft(@PathVariable long courseId, @ModelAttribute ReviewForm form, Authentication authentication) {
		drafts.save(SignedIn.required(authentication), courseId, form);
	}

	@PostMapping("/courses/{courseId}/review/draft/discard")
	String discardDraft(@PathVariable long courseId, Authentication authentication) {
		drafts.discard(SignedIn.required(authentication), courseId);
		return "redirect:/courses/" + courseId + "/review";
	}

	@PostMapping("/courses/{courseId}/review")
	String save(@PathVariable long courseId, @ModelAttribute("review") ReviewForm form, BindingResult errors,
			@RequestParam(required = false) String preview, Authentication authentication, Model model) {
		Person author = SignedIn.required(authentication);
		CourseDetails course = catalogue.course(courseId).orElseThrow(ReviewNotFoundException::new);
		List<String> terms = reviews.termsOf(courseId);
		boolean editing = reviews.ownReview(courseId, author).isPresent();
		if (preview != null) {
			return form(model, course, terms, form, editing, ReviewText.toHtml(form.getContent()));
		}
		try {
			long id = reviews.write(author, form.toDraft(courseId));
			return "redirect:/courses/" + courseId + "?saved#review-" + id;
		}
		catch (ReviewRefusedException refused) {
			refused.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.messageKey()));
			return form(model, course, terms, form, editing, null);
		}
	}

	@PostMapping("/reviews/{id}/hide")
	String hide(@PathVariable long id, Authentication authentication) {
		return back(id, () -> reviews.hide(SignedIn.required(authentication), id, true));
	}

	@PostMapping("/reviews/{id}/unhide")
	String unhide(@PathVariable long id, Authentication authentication) {
		return back(id, () -> reviews.hide(SignedIn.required(authentication), id, false));
	}

	@PostMapping("/reviews/{id}/block")
	String block(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication authentication) {
		return back(id, () -> reviews.block(SignedIn.required(authentication), id, true, reason));
	}

	@PostMapping("/reviews/{id}/unblock")
	String unblock(@PathVariable long id, Authentication authentication) {
		return back(id, () -> reviews.block(SignedIn.required(authentication), id, false, null));
	}

	@PostMapping("/reviews/{id}/delete")
	String delete(@PathVariable long id, Authentication authentication) {
		return back(id, () -> reviews.delete(SignedIn.required(authentication), id));
	}

	/**
	 * Sets the upvote to what the card showed it would become ({@code upvoted=true} or
	 * {@code false}); a request without it is refused, never taken as a toggle.
	 */
	@PostMapping("/reviews/{id}/upvote")
	String upvote(@PathVariable long id, @RequestParam boolean upvoted, Authentication authentication) {
		return back(id, () -> upvotes.set(SignedIn.required(authentication), id, upvoted));
	}

	@PostMapping("/reviews/{id}/restore")
	String restore(@PathVariable long id, Authentication authentication, Model model) {
		reviews.restore(SignedIn.required(authentication), id);
		return "redirect:/reviews/" + id + "/history?restored";
	}

	/**
	 * The author sees their own review's history; administrators see every review's,
	 * deleted ones included.
	 */
	@GetMapping("/reviews/{id}/history")
	String history(@PathVariable long id, Authentication authentication, Model model) {
		Person person = SignedIn.required(authentication);
		long author = history.authorOf(id).orElseThrow(ReviewNotFoundException::new);
		if (author != person.id() && !person.admin()) {
			throw new ReviewNotFoundException();
		}
		List<ReviewHistory.Entry> entries = history.of(id);
		model.addAttribute("versions", HistoryVersion.of(entries));
		model.addAttribute("reviewId", id);
		model.addAttribute("deleted", entries.getLast().action() == ReviewHistory.Action.DELETE);
		model.addAttribute("courseId", entries.getLast().snapshot().courseId());
		return HISTORY;
	}

	@ExceptionHandler(SavedDrafts.DraftRefusedException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String draftRefused(Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("problem", "review.problem.content-long");
		return "error";
	}

	@ExceptionHandler(ReviewRefusedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String refused(ReviewRefusedException refused, Model model) {
		model.addAttribute("status", 409);
		model.addAttribute("problem", refused.problems().getFirst().messageKey());
		return "error";
	}

	private String form(Model model, CourseDetails course, List<String> terms, ReviewForm form, boolean editing,
			String preview) {
		model.addAttribute("course", course);
		model.addAttribute("terms", terms);
		model.addAttribute("stages", ReviewDraft.STAGES);
		model.addAttribute("review", form);
		model.addAttribute("editing", editing);
		model.addAttribute("preview", preview);
		return FORM;
	}

	private String back(long id, Runnable change) {
		Long courseId = history.of(id).stream().map(entry -> entry.snapshot().courseId()).findFirst().orElse(null);
		change.run();
		return courseId == null ? "redirect:/" : "redirect:/courses/" + courseId + "#review-" + id;
	}

}
