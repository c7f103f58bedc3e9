//! The text form of [`AlgAddr`]: `type:name[:feat:mask]`, numbers by
//! [`sock_core::text::parse_num`] (decimal or `0x` hex, no sign).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::invalid_input;
use sock_core::text::parse_num;

use crate::addr::AlgAddr;

impl fmt::Display for AlgAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.ty(), self.name())?;
        if self.feat() != 0 || self.mask() != 0 || self.name().contains(':') {
            write!(f, ":{:#x}:{:#x}", self.feat(), self.mask())?;
        }
        Ok(())
    }
}

impl FromStr for AlgAddr {
    type Err = io::Error;

    /// Parses `type:name` or `type:name:feat:mask`.
    fn from_str(s: &str) -> io::Result<AlgAddr> {
        let Some((ty, rest)) = s.split_once(':') else {
            return Err(invalid_input("address", "expected type:name[:feat:mask]"));
        };
        let mut fields = rest.rsplitn(3, ':');
        match (fields.next(), fields.next(), fields.next()) {
            (Some(mask), Some(feat), Some(name)) => {
                AlgAddr::with_flags(ty, name, parse_num(feat, "feat")?, parse_num(mask, "mask")?)
            }
            (Some(name), None, None) => AlgAddr::new(ty, name),
            _ => Err(invalid_input("address", "expected type:name[:feat:mask]")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form() {
        let a: AlgAddr = "aead:gcm(aes)".parse().unwrap();
        assert_eq!(a, AlgAddr::new("aead", "gcm(aes)").unwrap());
        assert_eq!(a.to_string(), "aead:gcm(aes)");
        let b: AlgAddr = "hash:sha256:12:0x10".parse().unwrap();
        assert_eq!((b.feat(), b.mask()), (12, 16));
        assert_eq!(b.to_string(), "hash:sha256:0xc:0x10");
        for bad in ["hash", "hash:a:b", "hash:sha256:1:99999999999", "hash:sha256:+1:0", "hash:sha256:0x:0", ""] {
            assert_eq!(bad.parse::<AlgAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
        let e = "hash:sha256:1:99999999999".parse::<AlgAddr>().unwrap_err();
        assert_eq!(e.to_string(), "mask: `99999999999` does not fit u32");
        let odd = AlgAddr::new("hash", "a:b").unwrap();
        assert_eq!(odd.to_string().parse::<AlgAddr>().unwrap(), odd);
    }
}
