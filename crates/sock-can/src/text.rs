//! The text forms of the CAN addresses (`Display` + `FromStr`), numbers through
//! [`sock_core::text::parse_num`] (decimal or `0x` hex) and fields through
//! [`split_fields`](sock_core::text::split_fields):
//!
//! | type | form | example |
//! |---|---|---|
//! | [`CanAddr`] | `interface` | `vcan0`, `#3` (an index), empty (every interface) |
//! | [`IsoTpAddr`] | `interface:rx_id:tx_id` | `vcan0:0x7e8:0x7e0` |
//! | [`J1939Addr`] | `interface:name:pgn:addr` | `vcan0:0x0:0x12300:0x80` |
//!
//! Interface names cannot hold `:` (the kernel's rule), so the split is unambiguous. Numbers
//! are shown in hex; every value displayed parses back to itself.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::{parse_num, split_fields};

use crate::addr::{AnyCanAddr, CanAddr, IsoTpAddr, J1939Addr};
use crate::iface::Interface;

/// The interface field: sock-core's one text form of an interface (a name, `""` for every
/// interface, `#N` for an index).
fn interface(s: &str) -> io::Result<Interface> {
    s.parse()
}

impl fmt::Display for CanAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.interface.fmt(f)
    }
}

impl FromStr for CanAddr {
    type Err = io::Error;
    fn from_str(s: &str) -> io::Result<CanAddr> {
        Ok(CanAddr { interface: interface(s)? })
    }
}

impl fmt::Display for IsoTpAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:#x}:{:#x}", self.interface, self.rx_id, self.tx_id)
    }
}

impl FromStr for IsoTpAddr {
    type Err = io::Error;
    fn from_str(s: &str) -> io::Result<IsoTpAddr> {
        let [iface, rx, tx] = split_fields(s, ':', "address", "`interface:rx_id:tx_id`")?;
        Ok(IsoTpAddr { interface: interface(iface)?, rx_id: parse_num(rx, "rx_id")?, tx_id: parse_num(tx, "tx_id")? })
    }
}

impl fmt::Display for J1939Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:#x}:{:#x}:{:#x}", self.interface, self.name, self.pgn, self.addr)
    }
}

impl FromStr for J1939Addr {
    type Err = io::Error;
    fn from_str(s: &str) -> io::Result<J1939Addr> {
        let [iface, name, pgn, addr] = split_fields(s, ':', "address", "`interface:name:pgn:addr`")?;
        Ok(J1939Addr {
            interface: interface(iface)?,
            name: parse_num(name, "name")?,
            pgn: parse_num(pgn, "pgn")?,
            addr: parse_num(addr, "addr")?,
        })
    }
}

impl fmt::Display for AnyCanAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyCanAddr::Can(a) => a.fmt(f),
            AnyCanAddr::IsoTp(a) => a.fmt(f),
            AnyCanAddr::J1939(a) => a.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_and_text<T: FromStr<Err = io::Error> + fmt::Debug>(s: &str) -> (io::ErrorKind, String) {
        let e = s.parse::<T>().unwrap_err();
        (e.kind(), e.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!("".parse::<CanAddr>().unwrap(), CanAddr::ANY);
        assert_eq!("#0".parse::<CanAddr>().unwrap(), CanAddr::ANY);
        assert_eq!("#0x10".parse::<CanAddr>().unwrap().interface, Interface::Index(16));
        assert_eq!("#7:1:0x2".parse::<IsoTpAddr>().unwrap().to_string(), "#7:0x1:0x2");
        let a: J1939Addr = "vcan0:255:0x12300:0XfF".parse().unwrap();
        assert_eq!(a.to_string(), "vcan0:0xff:0x12300:0xff");
    }

    /// Issue 14: numbers follow the workspace rule (`parse_num`), so signs and spaces are
    /// refused and an overflow names its field.
    #[test]
    fn number_rule() {
        let bad = io::ErrorKind::InvalidInput;
        assert_eq!(
            kind_and_text::<CanAddr>("#+3"),
            (bad, "interface index: `+3` is not a decimal or 0x-hex number".into())
        );
        assert_eq!(kind_and_text::<IsoTpAddr>("vcan0:+1:2").0, bad);
        assert_eq!(kind_and_text::<IsoTpAddr>("vcan0:1:0x+2").0, bad);
        assert_eq!(kind_and_text::<IsoTpAddr>("vcan0:1: 2").0, bad);
        assert_eq!(kind_and_text::<J1939Addr>("vcan0:0:0:0x100"), (bad, "addr: `0x100` does not fit u8".into()));
        assert_eq!(
            kind_and_text::<J1939Addr>("vcan0:0:4294967296:1"),
            (bad, "pgn: `4294967296` does not fit u32".into())
        );
        assert_eq!(kind_and_text::<IsoTpAddr>("vcan0:1"), (bad, "address: expected `interface:rx_id:tx_id`".into()));
        assert_eq!(kind_and_text::<J1939Addr>("vcan0:1:2:3:4").0, bad);
        assert_eq!(kind_and_text::<CanAddr>(&"x".repeat(16)).0, bad);
    }
}
