package org.ringtree.runtime.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client is counted under: the request's remote address ({@code getRemoteAddr()}, which
 * is the real client only when a proxy in front sets {@code X-Forwarded-For} and {@code
 * server.forward-headers-strategy} is set), and for IPv6 its /64 network, because one subscriber is
 * usually given a whole /64 and could otherwise change address per request.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String key(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.isEmpty()) {
      return "unknown";
    }
    if (remoteAddress.indexOf(':') < 0) {
      return remoteAddress; // IPv4: as the container gives it
    }
    try {
      // a literal: parsed without any name look-up
      InetAddress address = InetAddress.getByName(remoteAddress);
      if (address instanceof Inet6Address) {
        byte[] bytes = address.getAddress();
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
          network.append(':');
        }
        return network.append(":/64").toString();
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }
}
