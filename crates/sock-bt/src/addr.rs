//! [`BtAddr`]: any Bluetooth address, decoded by protocol.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{invalid_input, FamilyAddr, Protocol, SockAddr, Socket, ToSockAddr};

use crate::consts::*;
use crate::{BdAddr, HciAddr, L2capAddr, RfcommAddr, ScoAddr};

/// The bytes after `sa_family` of an `AF_BLUETOOTH` address for `T`, if they hold at least
/// `min` of them (`what` is the kernel struct, for the message); else `InvalidInput`.
pub(crate) fn data_of<'a, T: FamilyAddr>(addr: &'a SockAddr, min: usize, what: &str) -> io::Result<&'a [u8]> {
    let data = T::expect_family(addr)?;
    if data.len() < min {
        return Err(invalid_input(
            "address",
            &format!("{} bytes after the family are too short for {what} (need {min})", data.len()),
        ));
    }
    Ok(data)
}

/// An `AF_BLUETOOTH` address of `data` (the fixed-size tail of a `sockaddr_*`, at most 12
/// bytes, so it always fits `sockaddr_storage`).
pub(crate) fn encode(data: &[u8]) -> SockAddr {
    SockAddr::new(libc::AF_BLUETOOTH as u16, data).expect("12 bytes fit in sockaddr_storage")
}

/// Six bytes of `data` from `at` as a kernel `bdaddr_t`; `BdAddr::ANY` if `data` is too short
/// (callers check the length first with [`data_of`]).
pub(crate) fn bdaddr_at(data: &[u8], at: usize) -> BdAddr {
    let bytes = data.get(at..at.saturating_add(6)).and_then(|b| <[u8; 6]>::try_from(b).ok());
    bytes.map(BdAddr::from_kernel_bytes).unwrap_or_default()
}

/// An `AF_BLUETOOTH` address of any of the four protocols CPython knows. The kernel's
/// `sockaddr_*` of these protocols cannot be told apart by their bytes, so decoding takes the
/// socket's protocol, as CPython's `makesockaddr` does.
///
/// Text form: the protocol's name, `:`, and that address type's text form:
/// `l2cap:01:23:45:67:89:AB/4097`, `rfcomm:01:23:45:67:89:AB/3`, `hci:hci0`,
/// `sco:01:23:45:67:89:AB`.
///
/// ```
/// use sock::bt::{protocol, BtAddr, RfcommAddr};
/// let raw = sock::SockAddr::from(RfcommAddr::new(sock::bt::BdAddr::ANY, 3));
/// let addr = BtAddr::decode_with(&raw, protocol::RFCOMM)?;
/// assert_eq!(addr.to_string(), "rfcomm:00:00:00:00:00:00/3");
/// assert_eq!(addr.to_string().parse::<BtAddr>()?, addr);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BtAddr {
    /// `BTPROTO_L2CAP`.
    L2cap(L2capAddr),
    /// `BTPROTO_RFCOMM`.
    Rfcomm(RfcommAddr),
    /// `BTPROTO_HCI`.
    Hci(HciAddr),
    /// `BTPROTO_SCO`.
    Sco(ScoAddr),
}

impl BtAddr {
    /// Decodes `addr` as the address of a `protocol` socket (CPython's `makesockaddr`: the
    /// bytes alone cannot tell the protocols apart, so this is `decode` with the protocol —
    /// the one extra name, and why `BtAddr` is not a [`FamilyAddr`] itself).
    ///
    /// Errors (`InvalidInput`, naming what is wrong): another family, an address too short
    /// for the protocol's `sockaddr_*`, or a protocol without an address form here (`BNEP` ...).
    ///
    /// ```
    /// use sock::bt::{protocol, BtAddr, HciAddr};
    /// let raw = sock::SockAddr::from(HciAddr::new(0));
    /// assert_eq!(BtAddr::decode_with(&raw, protocol::HCI)?, BtAddr::Hci(HciAddr::new(0)));
    /// assert!(BtAddr::decode_with(&raw, protocol::SCO).is_err()); // 4 bytes: too short for sockaddr_sco
    /// assert!(BtAddr::decode_with(&raw, sock::Protocol(sock::bt::BTPROTO_BNEP)).is_err()); // no address form
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode_with(addr: &SockAddr, protocol: Protocol) -> io::Result<BtAddr> {
        match protocol.raw() {
            BTPROTO_L2CAP => L2capAddr::decode(addr).map(BtAddr::L2cap),
            BTPROTO_RFCOMM => RfcommAddr::decode(addr).map(BtAddr::Rfcomm),
            BTPROTO_HCI => HciAddr::decode(addr).map(BtAddr::Hci),
            BTPROTO_SCO => ScoAddr::decode(addr).map(BtAddr::Sco),
            other => Err(invalid_input(
                "protocol",
                &format!("Bluetooth protocol {other} has no address form (expected L2CAP, RFCOMM, HCI or SCO)"),
            )),
        }
    }

    /// Encodes this address for the kernel (never fails; `SockAddr::from` does the same).
    ///
    /// ```
    /// use sock::bt::{protocol, BtAddr};
    /// let a: BtAddr = "rfcomm:01:23:45:67:89:AB/3".parse()?;
    /// let raw = a.encode()?;
    /// assert_eq!(raw, sock::SockAddr::from(a));
    /// assert_eq!(BtAddr::decode_with(&raw, protocol::RFCOMM)?, a);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }

    /// The protocol this address belongs to.
    ///
    /// ```
    /// use sock::bt::{protocol, BtAddr};
    /// let a: BtAddr = "l2cap:01:23:45:67:89:AB/4097".parse()?;
    /// assert_eq!(a.protocol(), protocol::L2CAP);
    /// assert_eq!("hci:hci0".parse::<BtAddr>()?.protocol(), protocol::HCI);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn protocol(&self) -> Protocol {
        Protocol(match self {
            BtAddr::L2cap(_) => BTPROTO_L2CAP,
            BtAddr::Rfcomm(_) => BTPROTO_RFCOMM,
            BtAddr::Hci(_) => BTPROTO_HCI,
            BtAddr::Sco(_) => BTPROTO_SCO,
        })
    }
}

impl From<BtAddr> for SockAddr {
    fn from(addr: BtAddr) -> SockAddr {
        match addr {
            BtAddr::L2cap(a) => a.into(),
            BtAddr::Rfcomm(a) => a.into(),
            BtAddr::Hci(a) => a.into(),
            BtAddr::Sco(a) => a.into(),
        }
    }
}

impl ToSockAddr for BtAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

macro_rules! from_variant {
    ($($variant:ident($t:ty))*) => {$(
        impl From<$t> for BtAddr {
            fn from(a: $t) -> BtAddr {
                BtAddr::$variant(a)
            }
        }
    )*};
}
from_variant!(L2cap(L2capAddr) Rfcomm(RfcommAddr) Hci(HciAddr) Sco(ScoAddr));

impl fmt::Display for BtAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BtAddr::L2cap(a) => write!(f, "l2cap:{a}"),
            BtAddr::Rfcomm(a) => write!(f, "rfcomm:{a}"),
            BtAddr::Hci(a) => write!(f, "hci:{a}"),
            BtAddr::Sco(a) => write!(f, "sco:{a}"),
        }
    }
}

impl FromStr for BtAddr {
    type Err = io::Error;

    /// Parses `l2cap:…`, `rfcomm:…`, `hci:…` or `sco:…`.
    fn from_str(s: &str) -> io::Result<BtAddr> {
        let (proto, rest) = s
            .split_once(':')
            .ok_or_else(|| invalid_input("address", "expected l2cap:, rfcomm:, hci: or sco: and an address"))?;
        Ok(match proto {
            "l2cap" => BtAddr::L2cap(rest.parse()?),
            "rfcomm" => BtAddr::Rfcomm(rest.parse()?),
            "hci" => BtAddr::Hci(rest.parse()?),
            "sco" => BtAddr::Sco(rest.parse()?),
            _ => return Err(invalid_input("protocol", "expected l2cap, rfcomm, hci or sco")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_addr() -> impl Strategy<Value = BtAddr> {
        let bd = any::<[u8; 6]>().prop_map(BdAddr::from_octets);
        prop_oneof![
            (bd.clone(), any::<u16>(), any::<u16>(), any::<u8>())
                .prop_map(|(bdaddr, psm, cid, addr_type)| { BtAddr::L2cap(L2capAddr { bdaddr, psm, cid, addr_type }) }),
            (bd.clone(), any::<u8>()).prop_map(|(b, c)| BtAddr::Rfcomm(RfcommAddr::new(b, c))),
            (any::<u16>(), any::<u16>()).prop_map(|(dev, channel)| BtAddr::Hci(HciAddr { dev, channel })),
            bd.prop_map(|b| BtAddr::Sco(ScoAddr::new(b))),
        ]
    }

    #[test]
    fn unknown_protocols_and_families_do_not_decode() {
        let msg = |r: io::Result<BtAddr>| {
            let e = r.unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            e.to_string()
        };
        let raw = SockAddr::from(ScoAddr::new(BdAddr::ANY));
        assert_eq!(
            msg(BtAddr::decode_with(&raw, Protocol(BTPROTO_BNEP))),
            "protocol: Bluetooth protocol 4 has no address form (expected L2CAP, RFCOMM, HCI or SCO)"
        );
        assert_eq!(
            msg(BtAddr::decode_with(&raw, Protocol(BTPROTO_L2CAP))),
            "address: 6 bytes after the family are too short for sockaddr_l2 (need 11)"
        );
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        assert_eq!(
            msg(BtAddr::decode_with(&inet, Protocol(BTPROTO_HCI))),
            "address: AF_INET is not an AF_BLUETOOTH address"
        );
        assert_eq!("bnep:x".parse::<BtAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=40), proto in 0i32..10) {
            let mut raw = bytes.clone();
            if raw.len() >= 2 {
                raw[..2].copy_from_slice(&(libc::AF_BLUETOOTH as u16).to_ne_bytes());
            }
            let _ = BtAddr::decode_with(&SockAddr::from_bytes(&raw).unwrap(), Protocol(proto));
            let _ = String::from_utf8_lossy(&bytes).parse::<BtAddr>();
        }

        #[test]
        fn round_trips(addr in any_addr()) {
            prop_assert_eq!(BtAddr::decode_with(&SockAddr::from(addr), addr.protocol()).unwrap(), addr);
            prop_assert_eq!(addr.encode().unwrap(), SockAddr::from(addr));
            prop_assert_eq!(addr.to_string().parse::<BtAddr>().unwrap(), addr);
        }
    }
}
