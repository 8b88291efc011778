package club.icourse.reviewapp.stats;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Small charts drawn as inline SVG on the server: no script and nothing fetched from
 * elsewhere. Labels are escaped; everything else is numbers. The view box scales to the
 * page width, so charts fit a phone too.
 */
public final class SvgCharts {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 220;

	private static final int LEFT = 44;

	private static final int BOTTOM = 28;

	private static final int TOP = 12;

	/**
	 * One bar or point: its label (under the axis, thinned out when crowded) and value.
	 */
	public record Point(String label, double value) {
	}

	private SvgCharts() {
	}

	public static String bars(String title, List<Point> points) {
		StringBuilder svg = open(title);
		double max = max(points);
		axis(svg, max);
		double slot = (double) (WIDTH - LEFT - 8) / Math.max(1, points.size());
		int every = labelEvery(points.size());
		for (int i = 0; i < points.size(); i++) {
			Point point = points.get(i);
			double height = max == 0 ? 0 : point.value() / max * (HEIGHT - TOP - BOTTOM);
			double x = LEFT + i * slot + slot * 0.1;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#0d6efd\"><title>%s: %s</title></rect>",
					x, HEIGHT - BOTTOM - height, slot * 0.8, height, HtmlUtils.htmlEscape(point.label()),
					number(point.value())));
			if (i % every == 0) {
				label(svg, x + slot * 0.4, point.label());
			}
		}
		return svg.append("</svg>").toString();
	}

	public static String line(String title, List<Point> points) {
		StringBuilder svg = open(title);
		double max = max(points);
		axis(svg, max);
		double step = (double) (WIDTH - LEFT - 8) / Math.max(1, points.size() - 1);
		StringBuilder path = new StringBuilder();
		StringBuilder dots = new StringBuilder();
		int every = labelEvery(points.size());
		for (int i = 0; i < points.size(); i++) {
			double x = points.size() == 1 ? (LEFT + WIDTH) / 2.0 : LEFT + i * step;
			double y = HEIGHT - BOTTOM - (max == 0 ? 0 : points.get(i).value() / max * (HEIGHT - TOP - BOTTOM));
			path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
			dots.append(String.format(Locale.ROOT,
					"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#198754\"><title>%s: %s</title></circle>", x, y,
					HtmlUtils.htmlEscape(points.get(i).label()), number(points.get(i).value())));
			if (i % every == 0) {
				label(svg, x, points.get(i).label());
			}
		}
		svg.append("<path d=\"")
			.append(path.toString().strip())
			.append("\" fill=\"none\" stroke=\"#198754\" stroke-width=\"2\"/>");
		svg.append(dots);
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String title) {
		return new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" class=\"chart\" aria-label=\"%s\">"
						+ "<title>%s</title>",
				WIDTH, HEIGHT, HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title)));
	}

	private static void axis(StringBuilder svg, double max) {
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#adb5bd\"/>"
						+ "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#6c757d\">%s</text>"
						+ "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#6c757d\">0</text>",
				LEFT, HEIGHT - BOTTOM, WIDTH - 4, HEIGHT - BOTTOM, LEFT - 4, TOP + 10, number(max), LEFT - 4,
				HEIGHT - BOTTOM));
	}

	private static void label(StringBuilder svg, double x, String label) {
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#6c757d\">%s</text>", x,
				HEIGHT - BOTTOM + 14, HtmlUtils.htmlEscape(label)));
	}

	private static int labelEvery(int count) {
		return Math.max(1, (int) Math.ceil(count / 12.0));
	}

	private static double max(List<Point> points) {
		return points.stream().mapToDouble(Point::value).max().orElse(0);
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
