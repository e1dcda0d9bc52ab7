package dev.timeledger.web.ui;

import java.util.List;

/**
 * Checks a page as shown, in the browser: every form control has a label, and every
 * visible text reaches the WCAG AA contrast with what is behind it (4.5:1, 3:1 for large
 * text). Disabled controls are exempt, as WCAG allows.
 */
final class Accessibility {

	private static final String UNLABELLED_CONTROLS = """
			return [...document.querySelectorAll('input, select, textarea')]
			  .filter((control) => control.labels.length === 0 && !control.getAttribute('aria-label'))
			  .map((control) => control.outerHTML);
			""";

	private static final String LOW_CONTRAST = """
			const rgba = (value) => {
			  const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number);
			  return { r, g, b, a };
			};
			const luminance = ({ r, g, b }) => [r, g, b]
			  .map((v) => v / 255)
			  .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
			  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
			const behind = (element) => {
			  const layers = [];
			  for (let e = element; e; e = e.parentElement) {
			    const colour = rgba(getComputedStyle(e).backgroundColor);
			    if (colour.a > 0) {
			      layers.push(colour);
			      if (colour.a >= 1) break;
			    }
			  }
			  return layers.reverse().reduce((under, c) => ({
			    r: c.r * c.a + under.r * (1 - c.a), g: c.g * c.a + under.g * (1 - c.a), b: c.b * c.a + under.b * (1 - c.a),
			  }), { r: 255, g: 255, b: 255 });
			};
			const failures = [];
			for (const element of document.querySelectorAll('body *')) {
			  const hasText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
			  if (!hasText || !element.checkVisibility() || element.closest(':disabled')) continue;
			  const style = getComputedStyle(element);
			  const [l1, l2] = [luminance(rgba(style.color)), luminance(behind(element))].sort((a, b) => b - a);
			  const ratio = (l1 + 0.05) / (l2 + 0.05);
			  const size = parseFloat(style.fontSize);
			  const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
			  if (ratio < (large ? 3 : 4.5)) {
			    failures.push(`${ratio.toFixed(2)}:1 ${element.tagName} '${element.textContent.trim().slice(0, 40)}'`);
			  }
			}
			return failures;
			""";

	private Accessibility() {
	}

	/** The controls that no label names, as HTML. */
	static List<?> unlabelledControls(Page page) {
		return (List<?>) page.script(UNLABELLED_CONTROLS);
	}

	/** The texts below AA contrast, with their ratio. */
	static List<?> lowContrastTexts(Page page) {
		return (List<?>) page.script(LOW_CONTRAST);
	}

}
