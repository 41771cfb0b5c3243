package org.alliancecds.fhir;

import org.apache.http.conn.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Resolves the allowed server's host once per connection and hands the client the very addresses it checked, so a
 * name that answers a public address to a check and a private one to the connection (DNS rebinding) gets nowhere.
 * Unless the entry of the fetch running ({@link FetchScope}) allows private addresses, one non-public address among
 * the answers refuses the host.
 */
final class CheckedDns implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        AllowedServer server;
        try {
            server = FetchScope.current().server();
        } catch (OutboundHttp.OffServerException e) {
            throw new RefusedAddressException(e.getMessage());
        }
        String bare = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (!bare.equals(server.host())) {
            throw new RefusedAddressException("host " + bare + " is not the allowed server's " + server.host());
        }
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        for (InetAddress address : addresses) {
            check(server, address);
        }
        return addresses;
    }

    static void check(AllowedServer server, InetAddress address) throws RefusedAddressException {
        if (!server.allowPrivate() && !PublicAddresses.isPublic(address)) {
            throw new RefusedAddressException(server.host() + " is or resolves to the non-public address "
                    + address.getHostAddress() + ", and its entry does not allow private addresses");
        }
    }

    /** The host is not to be connected to; nothing was sent to it. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
