package org.alliancecds.view;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The view's session cookie: a random id and nothing else, sent only to {@code /view/}, never readable by script.
 * Written by the view itself rather than by the servlet container, whose session cookie cannot carry
 * {@code Partitioned} (and on Payara not a configurable {@code SameSite}).
 * <p>
 * {@code cds.view.session-cookie} says how the EHR shows the view:
 * <ul>
 *     <li>{@code cross-site} (default): in an iframe of an EHR on another site, as most EHRs launch apps. Launch,
 *     callback and the page's data requests then all run in a third-party frame, so the cookie must be
 *     {@code SameSite=None} (which browsers take only with {@code Secure}) and {@code Partitioned}: kept for frames
 *     under this EHR only, and kept by browsers that block third-party cookies (CHIPS).</li>
 *     <li>{@code same-site}: the view opened top level, or framed by a page of its own site; {@code SameSite=Lax},
 *     {@code Secure}.</li>
 *     <li>{@code insecure-http}: a service reached over plain HTTP under a name other than {@code localhost} (a test
 *     bed), where browsers drop a {@code Secure} cookie; {@code SameSite=Lax}, top level only.</li>
 * </ul>
 * Browsers count {@code http://localhost} and loopback addresses as secure, so the default works on a laptop too.
 */
final class ViewCookie {

    static final String SETTING = "cds.view.session-cookie";
    static final String NAME = "alliance-view-session";
    static final String PATH = "/view";

    private ViewCookie() {
    }

    /** How the EHR shows the view, and the cookie attributes that follow from it. */
    enum Mode {
        CROSS_SITE("None", true, true),
        SAME_SITE("Lax", true, false),
        INSECURE_HTTP("Lax", false, false);

        final String sameSite;
        final boolean secure;
        final boolean partitioned;

        Mode(String sameSite, boolean secure, boolean partitioned) {
            this.sameSite = sameSite;
            this.secure = secure;
            this.partitioned = partitioned;
        }

        static Mode of(String setting) {
            try {
                return valueOf(setting.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SETTING + " is \"" + setting
                        + "\"; it takes cross-site, same-site or insecure-http", e);
            }
        }
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String id, Mode mode) {
        response.addHeader("Set-Cookie", header(request.getContextPath(), id, mode));
    }

    /**
     * The {@code Set-Cookie} value, written here because the container's cookie writer gives every attribute a value
     * and {@code Partitioned} has none. The id is base64url, so it needs no quoting.
     */
    static String header(String contextPath, String value, Mode mode) {
        StringBuilder cookie = new StringBuilder(NAME).append('=').append(value).append("; Path=")
                .append(contextPath).append(PATH);
        cookie.append("; HttpOnly");
        if (mode.secure) {
            cookie.append("; Secure");
        }
        cookie.append("; SameSite=").append(mode.sameSite);
        if (mode.partitioned) {
            cookie.append("; Partitioned");
        }
        return cookie.toString();
    }
}
