package club.icourse.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an upload into a small picture (review-app's avatars and teachers' photos,
 * auth-server's app logos): only PNG, JPEG and GIF are read, the dimensions are checked
 * from the header before any pixel is decoded (so a small file that claims 50,000 x
 * 50,000 pixels is refused, not inflated), large images are decoded subsampled, and the
 * result is re-encoded as a PNG of at most the given side, which drops whatever else the
 * file carried.
 */
public final class UploadedImages {

	public static final int MAX_UPLOAD_BYTES = 1024 * 1024;

	private static final int MAX_SOURCE_SIDE = 8192;

	private static final long MAX_SOURCE_PIXELS = 40_000_000L;

	/**
	 * Why an upload is refused: {@code empty}, {@code too-large}, {@code not-an-image} or
	 * {@code dimensions}.
	 */
	public static final class ImageRefusedException extends Exception {

		private final String code;

		public ImageRefusedException(String code) {
			super(code);
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	private UploadedImages() {
	}

	public static byte[] toPng(byte[] upload, int maxSide) throws ImageRefusedException {
		if (upload == null || upload.length == 0) {
			throw new ImageRefusedException("empty");
		}
		if (upload.length > MAX_UPLOAD_BYTES) {
			throw new ImageRefusedException("too-large");
		}
		BufferedImage source = read(upload, maxSide);
		int width = source.getWidth();
		int height = source.getHeight();
		double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
		int targetWidth = Math.max(1, (int) Math.round(width * scale));
		int targetHeight = Math.max(1, (int) Math.round(height * scale));
		BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, 0, 0, targetWidth, targetHeight, null);
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(target, "png", png);
		}
		catch (IOException e) {
			throw new ImageRefusedException("not-an-image");
		}
		return png.toByteArray();
	}

	private static BufferedImage read(byte[] upload, int maxSide) throws ImageRefusedException {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new ImageRefusedException("not-an-image");
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (!format.equals("png") && !format.equals("jpeg") && !format.equals("gif")) {
					throw new ImageRefusedException("not-an-image");
				}
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE
						|| (long) width * height > MAX_SOURCE_PIXELS) {
					throw new ImageRefusedException("dimensions");
				}
				// Decode every n-th pixel only: a 6000 px photo never needs more than a
				// few hundred for 192 px.
				int step = Math.max(1, Math.max(width, height) / (maxSide * 2));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			// A truncated or malformed file fails inside the decoder, in whichever way it
			// likes.
			throw new ImageRefusedException("not-an-image");
		}
	}

}
