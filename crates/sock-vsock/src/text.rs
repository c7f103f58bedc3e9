//! The text form of [`VsockAddr`]: `cid:port` (see [`VsockAddr`]).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::{parse_num, split_fields};

use crate::addr::VsockAddr;

impl fmt::Display for VsockAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.cid, self.port)
    }
}

impl FromStr for VsockAddr {
    type Err = io::Error;

    /// Parses `cid:port`: two `u32`s, decimal or `0x` hex
    /// ([`parse_num`](sock_core::text::parse_num)). Errors are `InvalidInput` naming the
    /// field.
    fn from_str(s: &str) -> io::Result<VsockAddr> {
        let [cid, port] = split_fields(s, ':', "address", "`cid:port`")?;
        Ok(VsockAddr { cid: parse_num(cid, "cid")?, port: parse_num(port, "port")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form() {
        assert_eq!("4294967295:0".parse::<VsockAddr>().unwrap(), VsockAddr::new(u32::MAX, 0));
        assert_eq!("0x3:0X10".parse::<VsockAddr>().unwrap(), VsockAddr::new(3, 16));
        for bad in ["", "1", "1:", ":1", "1:2:3", "-1:2", "+1:2", "1:+2", " 1:2", "1:4294967296", "a:1", "1:0x+2"] {
            let err = bad.parse::<VsockAddr>().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
        assert_eq!("1:4294967296".parse::<VsockAddr>().unwrap_err().to_string(), "port: `4294967296` does not fit u32");
        assert_eq!("x:1".parse::<VsockAddr>().unwrap_err().to_string(), "cid: `x` is not a decimal or 0x-hex number");
    }
}
