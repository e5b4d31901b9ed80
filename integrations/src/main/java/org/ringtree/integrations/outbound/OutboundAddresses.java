package org.ringtree.integrations.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's name resolver for calls to addresses operators typed (RTB endpoints, postback
 * URLs): a host that resolves to a loopback, private, link-local (cloud metadata at
 * 169.254.169.254), shared (100.64/10), unique-local IPv6, unspecified or multicast address is
 * refused — after DNS resolution, so a public name pointing inside the network is caught too, and
 * the client connects only to the addresses checked here (no second look-up to rebind). An
 * allow-list names the exceptions: host names, addresses or CIDR blocks (the demo's own bidders on
 * 127.0.0.1).
 */
public final class OutboundAddresses implements DnsResolver {

  private final List<String> allowedHosts;
  private final List<Cidr> allowedBlocks;
  private final DnsResolver dns;

  public OutboundAddresses(List<String> allowed) {
    this(allowed, SystemDefaultDnsResolver.INSTANCE);
  }

  OutboundAddresses(List<String> allowed, DnsResolver dns) {
    this.dns = dns;
    this.allowedHosts =
        allowed.stream()
            .map(a -> a.strip().toLowerCase(Locale.ROOT))
            .filter(a -> !a.isEmpty() && !Cidr.looksLikeAddress(a))
            .toList();
    this.allowedBlocks =
        allowed.stream()
            .map(String::strip)
            .filter(Cidr::looksLikeAddress)
            .map(Cidr::parse)
            .toList();
  }

  /** Nothing private allowed. */
  public static OutboundAddresses publicOnly() {
    return new OutboundAddresses(List.of());
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = dns.resolve(host);
    if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return addresses;
    }
    for (InetAddress a : addresses) {
      String kind = internalKind(a);
      if (kind != null && allowedBlocks.stream().noneMatch(b -> b.contains(a))) {
        throw new UnknownHostException(
            "outbound call to "
                + host
                + " refused: it resolves to "
                + a.getHostAddress()
                + ", a "
                + kind
                + " address (allow it with ringtree.outbound.allowed-internal)");
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return dns.resolveCanonicalHostname(host);
  }

  /** What kind of internal address this is, or null for a public one. */
  static String internalKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local (cloud metadata)";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "unspecified";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "shared (carrier-grade NAT)";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking";
      }
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      if (isIpv4Mapped(b)) {
        try {
          InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
          return internalKind(v4);
        } catch (UnknownHostException e) {
          return "unparseable";
        }
      }
    }
    return null;
  }

  private static boolean isIpv4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  /** An address block such as 10.0.0.0/8, 127.0.0.1 or ::1. */
  record Cidr(byte[] network, int bits) {

    static boolean looksLikeAddress(String s) {
      return s.matches("[0-9.]+(/[0-9]+)?") || s.contains(":");
    }

    static Cidr parse(String s) {
      String[] parts = s.split("/", 2);
      try {
        byte[] address = InetAddress.getByName(parts[0]).getAddress();
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException("prefix length out of range in " + s);
        }
        return new Cidr(address, bits);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not an address or CIDR block: " + s, e);
      }
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
