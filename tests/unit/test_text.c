/* test_text.c - display width in terminal cells, safe fitting, UTF-8 validation. */
#include "helpers.h"

#include <locale.h>

#include "internal.h"	/* credo__text_ok */

static int utf8_locale;

static int setup_locale(void **state)
{
	(void)state;
	utf8_locale = setlocale(LC_ALL, "C.UTF-8") != NULL || setlocale(LC_ALL, "C.utf8") != NULL;
	return 0;
}

#define NEED_UTF8() do { \
	if (!utf8_locale) \
		skip(); \
} while (0)

static void width_of_text(void **state)
{
	(void)state;
	NEED_UTF8();
	assert_int_equal(credo_text_width(""), 0);
	assert_int_equal(credo_text_width(NULL), 0);
	assert_int_equal(credo_text_width("abc"), 3);
	assert_int_equal(credo_text_width("中文"), 4);
	assert_int_equal(credo_text_width("中a文b"), 6);
	assert_int_equal(credo_text_width("上海华达机电有限公司"), 20);
	assert_int_equal(credo_text_width("Amy Lin 林"), 10);
	assert_int_equal(credo_text_width("¥1,234.50"), 9);
	assert_int_equal(credo_text_width("，。"), 4);	/* full-width punctuation */
	/* A control or a bad byte takes the one cell its '?' will. */
	assert_int_equal(credo_text_width("a\x1b" "b"), 3);
	assert_int_equal(credo_text_width("a\xff" "b"), 3);
}

/* fit s into cells and check the text and the cells used. */
static void expect_fit(const char *s, int cells, int pad, const char *want, int want_used)
{
	char buf[128];
	memset(buf, 'Z', sizeof buf);
	int used = credo_text_fit(s, cells, pad, buf, sizeof buf);
	if (strcmp(buf, want) != 0 || used != want_used)
		fail_msg("fit(\"%s\", %d, pad=%d) = \"%s\" (%d cells), expected \"%s\" (%d cells)", s, cells, pad,
			 buf, used, want, want_used);
	assert_int_equal(credo_text_width(buf), used);
}

static void fit_never_splits_a_wide_char(void **state)
{
	(void)state;
	NEED_UTF8();
	expect_fit("中文abc", 3, 1, "中 ", 3);
	expect_fit("中文abc", 3, 0, "中", 2);
	expect_fit("中文abc", 4, 0, "中文", 4);
	expect_fit("中文abc", 5, 0, "中文a", 5);
	expect_fit("中文abc", 20, 0, "中文abc", 7);
	expect_fit("中文abc", 10, 1, "中文abc   ", 10);
	expect_fit("中文", 1, 1, " ", 1);
	expect_fit("中文", 1, 0, "", 0);
	expect_fit("abc", 0, 1, "", 0);
	expect_fit("", 4, 1, "    ", 4);
	expect_fit("a中", 2, 1, "a ", 2);
	expect_fit("hello", 3, 1, "hel", 3);
}

static void fit_neutralises_controls_and_bad_bytes(void **state)
{
	(void)state;
	NEED_UTF8();
	/* Text from the database can never drive the terminal. */
	expect_fit("a\x1b[2Jb", 20, 0, "a?[2Jb", 6);
	expect_fit("\x1b]0;owned\a", 20, 0, "?]0;owned?", 10);
	expect_fit("x\ty\nz\r", 20, 0, "x?y?z?", 6);
	expect_fit("del\x7f", 20, 0, "del?", 4);
	expect_fit("c1\xc2\x9b" "31m", 20, 0, "c1?31m", 6);	/* U+009B, the 8-bit CSI */
	/* Invalid UTF-8 becomes '?', one per bad byte, and the rest still shows. */
	expect_fit("a\xff" "b", 20, 0, "a?b", 3);
	expect_fit("\xc0\xaf" "x", 20, 0, "??x", 3);
	expect_fit("中\xe6\x96", 20, 0, "中??", 4);	/* a truncated character */
	expect_fit("\x80" "中", 3, 1, "?中", 3);
	/* Nothing escapes from the output. */
	char buf[64];
	credo_text_fit("\x1b\x1b\x1b\x9b\x07", 64, 0, buf, sizeof buf);
	for (const char *p = buf; *p; p++)
		assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
}

static void fit_respects_the_buffer(void **state)
{
	(void)state;
	NEED_UTF8();
	char buf[6];
	memset(buf, 'Z', sizeof buf);
	int used = credo_text_fit("中文中文", 8, 1, buf, sizeof buf);
	/* Room for "中" (3 bytes) + 2 pad spaces + NUL, never a half character. */
	assert_true(strlen(buf) < sizeof buf);
	assert_int_equal(credo_text_width(buf), used);
	assert_true(credo__text_ok(buf, 0));
	assert_int_equal(credo_text_fit("abc", 3, 1, NULL, 0), 0);
	char one[1] = { 'Z' };
	assert_int_equal(credo_text_fit("abc", 3, 1, one, sizeof one), 0);
	assert_int_equal(one[0], '\0');
}

static void text_ok_accepts_real_text(void **state)
{
	(void)state;
	assert_true(credo__text_ok("", 0));
	assert_true(credo__text_ok("Northwind Trading Co., Ltd.", 0));
	assert_true(credo__text_ok("上海华达机电有限公司", 0));
	assert_true(credo__text_ok("信譽 ¥1,234.50 ￥", 0));
	assert_true(credo__text_ok("\xf0\x9f\x98\x80 emoji", 0));	/* U+1F600 */
	assert_true(credo__text_ok("\xf4\x8f\xbf\xbf", 0));		/* U+10FFFF, the last code point */
	assert_true(credo__text_ok("\xc2\xa0", 0));			/* U+00A0, first after C1 */
	assert_true(credo__text_ok("\xed\x9f\xbf", 0));		/* U+D7FF, just below surrogates */
	assert_true(credo__text_ok("\xee\x80\x80", 0));		/* U+E000, just above */
	assert_true(credo__text_ok("a\tb", 1));			/* tabs in multiline text */
}

static void text_ok_rejects_controls_and_bad_utf8(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"esc\x1b[31m", "bell\a", "nl\n", "cr\r", "nul\x01", "del\x7f", "tab\t",
		"\xc2\x80", "\xc2\x9f",		/* C1 controls */
		"\xc0\x80", "\xc1\xbf",		/* overlong 2-byte */
		"\xe0\x80\x80", "\xe0\x9f\xbf",	/* overlong 3-byte */
		"\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",	/* overlong 4-byte */
		"\xed\xa0\x80", "\xed\xbf\xbf",	/* UTF-16 surrogates */
		"\xf4\x90\x80\x80", "\xf7\xbf\xbf\xbf",	/* beyond U+10FFFF */
		"\xf8\x88\x80\x80\x80", "\xfe", "\xff",
		"\x80", "\xbf" "abc",		/* lone continuation bytes */
		"\xe4\xb8", "\xe4", "\xf0\x9f\x98",	/* truncated at the end */
		"\xe4" "a" "\xad",		/* interrupted */
		"ok \xc3\x28 ok",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (credo__text_ok(bad[i], 0))
			fail_msg("bad text #%zu accepted", i);
	/* Multiline text (notes) may hold newlines and tabs, but no other control. */
	assert_true(credo__text_ok("line 1\n\tline 2\n", 1));
	assert_false(credo__text_ok("a\rb", 1));
	assert_false(credo__text_ok("a\x1b" "b", 1));
	assert_false(credo__text_ok("a\x7f", 1));
	assert_false(credo__text_ok("a\n\xc2\x85", 1));	/* U+0085, NEL, is C1 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(width_of_text),
		cmocka_unit_test(fit_never_splits_a_wide_char),
		cmocka_unit_test(fit_neutralises_controls_and_bad_bytes),
		cmocka_unit_test(fit_respects_the_buffer),
		cmocka_unit_test(text_ok_accepts_real_text),
		cmocka_unit_test(text_ok_rejects_controls_and_bad_utf8),
	};
	return cmocka_run_group_tests_name("text", tests, setup_locale, NULL);
}
