package org.alliancecds.fhir;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which IP addresses are public, i.e. fit to connect to on an EHR's say-so. Not public: unspecified, loopback,
 * link-local (cloud metadata services live at 169.254.169.254), private (RFC 1918), shared (100.64/10), unique-local
 * IPv6 (fc00::/7), site-local, multicast, broadcast and reserved ranges, and IPv6 forms that embed such an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
 */
final class PublicAddresses {

    private static final byte[] NAT64_PREFIX = {0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] COMPATIBLE_PREFIX = new byte[12];

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes);
        }
        return address instanceof Inet6Address && isPublicIpv6(bytes);
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean reserved = first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && second >= 64 && second < 128)
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second < 32)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19));
        return !reserved;
    }

    private static boolean isPublicIpv6(byte[] bytes) {
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false;
        }
        byte[] prefix = Arrays.copyOf(bytes, 12);
        if (Arrays.equals(prefix, MAPPED_PREFIX) || Arrays.equals(prefix, COMPATIBLE_PREFIX)
                || Arrays.equals(prefix, NAT64_PREFIX)) {
            return isPublicIpv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (first == 0x20 && bytes[1] == 0x02) {
            return isPublicIpv4(Arrays.copyOfRange(bytes, 2, 6));
        }
        return true;
    }
}
