//! The text forms: [`PacketAddr`] as `iface/protocol[/pkttype[/hatype[/hwaddr]]]` and
//! [`HwAddr`] as colon hex. Numbers follow [`sock_core::text::parse_num`] (decimal or `0x`
//! hex, no sign), hardware addresses [`sock_core::text::parse_hex_bytes`] (two hex digits a
//! byte).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::{parse_hex_bytes, parse_num, HexBytes};
use sock_core::{invalid_input, Interface};

use crate::addr::PacketAddr;
use crate::consts::{pkttype_from_name, pkttype_name, MAX_ADDR_LEN, PACKET_HOST};
use crate::hwaddr::HwAddr;

impl fmt::Display for PacketAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:#06x}", self.interface, self.protocol)?;
        let fields = if !self.hwaddr.is_empty() {
            3
        } else if self.hatype != 0 {
            2
        } else {
            usize::from(self.pkttype != PACKET_HOST)
        };
        if fields >= 1 {
            match pkttype_name(self.pkttype) {
                Some(name) => write!(f, "/{name}")?,
                None => write!(f, "/{}", self.pkttype)?,
            }
        }
        if fields >= 2 {
            write!(f, "/{}", self.hatype)?;
        }
        if fields >= 3 {
            write!(f, "/{}", self.hwaddr)?;
        }
        Ok(())
    }
}

/// An interface: sock-core's one text form (empty for every interface, `#index`, or a name).
fn parse_interface(s: &str) -> io::Result<Interface> {
    s.parse()
}

impl FromStr for PacketAddr {
    type Err = io::Error;

    /// Parses `iface/protocol[/pkttype[/hatype[/hwaddr]]]`.
    fn from_str(s: &str) -> io::Result<Self> {
        let expected = || invalid_input("address", "expected `iface/protocol[/pkttype[/hatype[/hwaddr]]]`");
        let mut parts = s.split('/');
        let interface = parse_interface(parts.next().unwrap_or_default())?;
        let protocol = parse_num(parts.next().ok_or_else(expected)?, "protocol")?;
        let mut addr = PacketAddr::new(interface, protocol);
        if let Some(p) = parts.next() {
            addr.pkttype = match pkttype_from_name(p) {
                Some(t) => t,
                None => parse_num(p, "pkttype")?,
            };
        }
        if let Some(h) = parts.next() {
            addr.hatype = parse_num(h, "hatype")?;
        }
        if let Some(hw) = parts.next() {
            addr.hwaddr = hw.parse()?;
        }
        if parts.next().is_some() {
            return Err(expected());
        }
        Ok(addr)
    }
}

impl fmt::Display for HwAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        HexBytes(self.as_bytes()).fmt(f)
    }
}

impl fmt::Debug for HwAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HwAddr({self})")
    }
}

impl FromStr for HwAddr {
    type Err = io::Error;

    /// Parses `xx:xx:...`: 0 to 32 bytes of two hex digits each (either case); the empty
    /// string is the empty address.
    fn from_str(s: &str) -> io::Result<Self> {
        let mut bytes = [0u8; MAX_ADDR_LEN];
        if s.is_empty() {
            return Ok(HwAddr::EMPTY);
        }
        let mut len = 0;
        for part in s.split(':') {
            let slot = bytes
                .get_mut(len)
                .ok_or_else(|| invalid_input("hwaddr", "hardware address longer than 32 bytes (MAX_ADDR_LEN)"))?;
            let [byte] = parse_hex_bytes::<1>(part, ':', "hwaddr")
                .map_err(|_| invalid_input("hwaddr", "expected two-digit hex bytes separated by `:`"))?;
            *slot = byte;
            len += 1;
        }
        HwAddr::new(&bytes[..len])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bad_addresses_are_invalid_input() {
        for s in [
            "",
            "eth0",
            "eth0/",
            "eth0/0x10000",
            "eth0/-1",
            "eth0/+1",
            "eth0/0x+1",
            "eth0/1/x",
            "eth0/1/256",
            "eth0/1/host/65536",
            "eth0/1/host/1/zz",
            "eth0/1/host/1/00/9",
            "a23456789012345x/1",
            "#4294967296/1",
            "#+3/1",
            "#/1",
        ] {
            assert_eq!(s.parse::<PacketAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
        let e = "#99999999999/1".parse::<PacketAddr>().unwrap_err();
        assert_eq!(e.to_string(), "interface index: `99999999999` does not fit u32");
    }

    #[test]
    fn numbers_follow_the_shared_rule() {
        let a: PacketAddr = "#0x10/2048/0x3/0x1".parse().unwrap();
        assert_eq!((a.interface, a.protocol, a.pkttype, a.hatype), (Interface::Index(16), 0x800, 3, 1));
        assert_eq!(a.to_string(), "#16/0x0800/otherhost/1");
        assert_eq!("/3".parse::<PacketAddr>().unwrap(), PacketAddr::new(Interface::Any, 3));
    }

    #[test]
    fn bad_hardware_addresses_are_invalid_input() {
        // One-digit bytes were accepted before the shared hex rule; they are refused now.
        for s in [":", "1:", "123", "g0", "+1", "01::02", "0:1", &["00"; 33].join(":")] {
            assert_eq!(s.parse::<HwAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
        assert_eq!("02:00:5E:10:00:01".parse::<HwAddr>().unwrap().to_string(), "02:00:5e:10:00:01");
        assert_eq!("".parse::<HwAddr>().unwrap(), HwAddr::EMPTY);
    }

    proptest! {
        #[test]
        fn hwaddr_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..=32)) {
            let a = HwAddr::new(&bytes).unwrap();
            prop_assert_eq!(a.to_string().parse::<HwAddr>().unwrap(), a);
        }

        #[test]
        fn any_text_parses_without_panic(s in "[a-z0-9#/:xA-F+ ]{0,80}") {
            if let Err(e) = s.parse::<PacketAddr>() {
                prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            }
            if let Err(e) = s.parse::<HwAddr>() {
                prop_assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            }
        }
    }
}
