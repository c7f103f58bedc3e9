//! The text form of [`QipcrtrAddr`]: `node:port` (see [`QipcrtrAddr`]).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::{parse_num, split_fields};

use crate::addr::QipcrtrAddr;

impl fmt::Display for QipcrtrAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.node, self.port)
    }
}

impl FromStr for QipcrtrAddr {
    type Err = io::Error;

    /// Parses `node:port`: two `u32`s, decimal or `0x` hex
    /// ([`parse_num`](sock_core::text::parse_num)). Errors are `InvalidInput` naming the
    /// field.
    fn from_str(s: &str) -> io::Result<Self> {
        let [node, port] = split_fields(s, ':', "address", "`node:port`")?;
        Ok(QipcrtrAddr { node: parse_num(node, "node")?, port: parse_num(port, "port")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forms() {
        assert_eq!("0x1:0X400".parse::<QipcrtrAddr>().unwrap(), QipcrtrAddr::new(1, 1024));
        assert_eq!("4294967295:4294967294".parse::<QipcrtrAddr>().unwrap(), QipcrtrAddr::new(u32::MAX, u32::MAX - 1));
    }

    /// Issue 14: `"+1:+2"` parsed (`u32::from_str` takes a sign); numbers follow `parse_num`.
    #[test]
    fn bad_input_is_invalid_input() {
        for s in
            ["", "1", "1:", ":2", "1:2:3", "-1:2", "+1:+2", "+1:2", "1:+2", "1:0x+2", "1:4294967296", " 1:2", "1 :2"]
        {
            assert_eq!(s.parse::<QipcrtrAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
        assert_eq!(
            "+1:+2".parse::<QipcrtrAddr>().unwrap_err().to_string(),
            "node: `+1` is not a decimal or 0x-hex number"
        );
        assert_eq!(
            "1:4294967296".parse::<QipcrtrAddr>().unwrap_err().to_string(),
            "port: `4294967296` does not fit u32"
        );
        assert_eq!("1".parse::<QipcrtrAddr>().unwrap_err().to_string(), "address: expected `node:port`");
    }

    proptest! {
        #[test]
        fn round_trips(node in any::<u32>(), port in any::<u32>()) {
            let addr = QipcrtrAddr::new(node, port);
            prop_assert_eq!(addr.to_string().parse::<QipcrtrAddr>().unwrap(), addr);
            prop_assert_eq!(format!("{node:#x}:{port:#x}").parse::<QipcrtrAddr>().unwrap(), addr);
        }

        #[test]
        fn any_text_parses_without_panic(s in ".{0,40}") {
            let _ = s.parse::<QipcrtrAddr>();
        }
    }
}
