//! The address types of AF_INET, AF_INET6 and AF_RDS are the standard library's
//! [`SocketAddr`], [`SocketAddrV4`] and [`SocketAddrV6`]: their `Display`/`FromStr` forms
//! (`127.0.0.1:80`, `[::1%1]:80`... IPv6 scope ids print as numbers; the flow label is not
//! part of the text, so only addresses with flowinfo 0 round-trip through it) are this
//! family's text form, and `sock_core::SockAddr::from` encodes them. This module decodes.

use std::io;
use std::net::SocketAddr;

use sock_core::{family_name, invalid_input, Family, SockAddr};

/// Decodes a raw `AF_INET`/`AF_INET6` address (what `local_addr`, `peer_addr`, `accept` and
/// `recv_from` return on INET, INET6 and RDS sockets) into a `SocketAddr`; IPv6 keeps
/// flowinfo and scope id. This is what `sock::Addr` uses for these families.
///
/// Errors: another family, or an address shorter than its `sockaddr_in*`, is `InvalidInput`.
///
/// ```
/// use sock::SockAddr;
/// let sa: std::net::SocketAddr = "[fe80::1%3]:80".parse().unwrap();
/// assert_eq!(sock::inet::decode(&SockAddr::from(sa))?, sa);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn decode(addr: &SockAddr) -> io::Result<SocketAddr> {
    addr.as_socket().ok_or_else(|| match i32::from(addr.family()) {
        libc::AF_INET | libc::AF_INET6 => invalid_input("address", "truncated AF_INET/AF_INET6 address"),
        other => {
            invalid_input("address", &format!("{} is not an AF_INET or AF_INET6 address", family_name(Family(other))))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

    #[test]
    fn wrong_family_and_short() {
        let unix = SockAddr::new(libc::AF_UNIX as u16, b"/x\0").unwrap();
        let e = decode(&unix).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string().as_str()),
            (io::ErrorKind::InvalidInput, "address: AF_UNIX is not an AF_INET or AF_INET6 address")
        );
        let short = SockAddr::new(libc::AF_INET as u16, &[0; 4]).unwrap();
        assert!(decode(&short).unwrap_err().to_string().contains("truncated"));
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            let _ = decode(&SockAddr::from_bytes(&bytes).unwrap());
        }

        #[test]
        fn encode_decode_text_round_trip(ip6 in any::<[u8; 16]>(), ip4 in any::<[u8; 4]>(), port in any::<u16>(), flow in 0u32..=0xfffff, scope in any::<u32>()) {
            let v6 = SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::from(ip6), port, flow, scope));
            let v4 = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::from(ip4), port));
            for sa in [v4, v6] {
                prop_assert_eq!(decode(&SockAddr::from(sa)).unwrap(), sa);
            }
            prop_assert_eq!(v4.to_string().parse::<SocketAddr>().unwrap(), v4);
            let v6_noflow = SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::from(ip6), port, 0, scope));
            prop_assert_eq!(v6_noflow.to_string().parse::<SocketAddr>().unwrap(), v6_noflow);
        }
    }
}
