//! [`AlgAddr`]: the `(type, name, feat, mask)` address of an AF_ALG socket
//! (`struct sockaddr_alg`), its text form and its conversions.

use std::io;

use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

/// Bytes of `salg_type`, terminating NUL included: a type is at most 13 bytes.
pub const TYPE_MAX: usize = 14;
/// Bytes of `salg_name`, terminating NUL included: a name is at most 63 bytes.
pub const NAME_MAX: usize = 64;

// Offsets inside the data after `salg_family` (`struct sockaddr_alg` is 88 bytes).
const TYPE_AT: usize = 0;
const FEAT_AT: usize = TYPE_AT + TYPE_MAX;
const MASK_AT: usize = FEAT_AT + 4;
const NAME_AT: usize = MASK_AT + 4;
const DATA_LEN: usize = NAME_AT + NAME_MAX;

/// The address of an AF_ALG socket: which kernel algorithm to bind.
///
/// `ty` is the algorithm type (`"hash"`, `"skcipher"`, `"aead"`, `"rng"` ...) and `name` the
/// algorithm with its modes (`"sha256"`, `"hmac(sha256)"`, `"cbc(aes)"`, `"gcm(aes)"`,
/// `"drbg_nopr_sha256"` ...). `feat` and `mask` select implementations by their
/// `CRYPTO_ALG_*` flags and are usually 0.
///
/// The limits are CPython's (and the kernel's): the type must be shorter than 14 bytes and the
/// name shorter than 64 bytes; longer ones are `InvalidInput` ("AF_ALG type too long." /
/// "AF_ALG name too long."), as are embedded NUL bytes. An unknown algorithm is only detected
/// by `bind`, which fails with `ENOENT` (`ErrorKind::NotFound`).
///
/// **Text form** ([`FamilyAddr::TEXT_FORM`], `Display` / `FromStr`): `type:name`, and
/// `type:name:feat:mask` when a flag is set or the name itself contains `:`. `Display` writes
/// `feat` and `mask` in hexadecimal with a `0x` prefix; `FromStr` accepts decimal or `0x`
/// hexadecimal ([`sock_core::text::parse_num`]). The type may not contain `:` (no kernel type
/// does).
///
/// ```
/// use sock::FamilyAddr;
/// use sock::alg::AlgAddr;
/// let a: AlgAddr = "hash:hmac(sha256)".parse()?;
/// assert_eq!((a.ty(), a.name(), a.feat(), a.mask()), ("hash", "hmac(sha256)", 0, 0));
/// let b = AlgAddr::with_flags("skcipher", "cbc(aes)", 0, 0x80)?;
/// assert_eq!(b.to_string(), "skcipher:cbc(aes):0x0:0x80");
/// assert_eq!(b.to_string().parse::<AlgAddr>()?, b);
/// assert_eq!(AlgAddr::decode(&b.encode()?)?, b);
/// assert_eq!(AlgAddr::new("t".repeat(14).as_str(), "x").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AlgAddr {
    ty: String,
    name: String,
    feat: u32,
    mask: u32,
}

fn check(value: &str, max: usize, argument: &str, too_long: &str) -> io::Result<()> {
    if value.len() >= max {
        return Err(invalid_input(argument, too_long));
    }
    if value.contains('\0') {
        return Err(invalid_input(argument, "embedded null character"));
    }
    Ok(())
}

impl AlgAddr {
    /// `(type, name)`: an address with `feat` and `mask` 0.
    ///
    /// ```
    /// use sock::alg::AlgAddr;
    /// let a = AlgAddr::new("hash", "sha256")?;
    /// assert_eq!((a.feat(), a.mask(), a.to_string()), (0, 0, "hash:sha256".to_owned()));
    /// let e = AlgAddr::new("hash", &"n".repeat(64)).unwrap_err();
    /// assert_eq!(e.to_string(), "name: AF_ALG name too long.");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(ty: &str, name: &str) -> io::Result<AlgAddr> {
        AlgAddr::with_flags(ty, name, 0, 0)
    }

    /// `(type, name, feat, mask)`.
    ///
    /// ```
    /// use sock::alg::AlgAddr;
    /// // mask CRYPTO_ALG_ASYNC (0x80), feat 0: only a synchronous implementation
    /// let a = AlgAddr::with_flags("skcipher", "cbc(aes)", 0, 0x80)?;
    /// assert_eq!(a.to_string(), "skcipher:cbc(aes):0x0:0x80");
    /// assert_eq!(AlgAddr::with_flags("hash", "sha\0256", 0, 0).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_flags(ty: &str, name: &str, feat: u32, mask: u32) -> io::Result<AlgAddr> {
        check(ty, TYPE_MAX, "type", "AF_ALG type too long.")?;
        check(name, NAME_MAX, "name", "AF_ALG name too long.")?;
        if ty.contains(':') {
            // No kernel type has one, and the text form `type:name` splits at the first `:`.
            return Err(invalid_input("type", "an AF_ALG type has no `:`"));
        }
        Ok(AlgAddr { ty: ty.to_owned(), name: name.to_owned(), feat, mask })
    }

    /// The algorithm type (`salg_type`).
    ///
    /// ```
    /// assert_eq!("aead:gcm(aes)".parse::<sock::alg::AlgAddr>()?.ty(), "aead");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn ty(&self) -> &str {
        &self.ty
    }

    /// The algorithm name (`salg_name`).
    ///
    /// ```
    /// assert_eq!("hash:hmac(sha256)".parse::<sock::alg::AlgAddr>()?.name(), "hmac(sha256)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `salg_feat`.
    ///
    /// ```
    /// assert_eq!("hash:sha256:12:0x10".parse::<sock::alg::AlgAddr>()?.feat(), 12);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn feat(&self) -> u32 {
        self.feat
    }

    /// `salg_mask`.
    ///
    /// ```
    /// assert_eq!("hash:sha256:12:0x10".parse::<sock::alg::AlgAddr>()?.mask(), 0x10);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn mask(&self) -> u32 {
        self.mask
    }
}

impl AlgAddr {
    /// The `struct sockaddr_alg` (88 bytes); the fields fit by construction.
    fn to_sock_addr_alg(&self) -> io::Result<SockAddr> {
        let mut data = [0u8; DATA_LEN];
        data[TYPE_AT..TYPE_AT + self.ty.len()].copy_from_slice(self.ty.as_bytes());
        data[FEAT_AT..FEAT_AT + 4].copy_from_slice(&self.feat.to_ne_bytes());
        data[MASK_AT..MASK_AT + 4].copy_from_slice(&self.mask.to_ne_bytes());
        data[NAME_AT..NAME_AT + self.name.len()].copy_from_slice(self.name.as_bytes());
        SockAddr::new(sock_core::consts::AF_ALG as u16, &data)
    }
}

impl FamilyAddr for AlgAddr {
    const FAMILY: Family = Family::ALG;
    const TEXT_FORM: &'static str = "type:name[:feat:mask]";

    /// Decodes a `struct sockaddr_alg` (CPython's `makesockaddr` for AF_ALG). The name may be
    /// cut short by the address length; the strings end at their first NUL.
    ///
    /// Errors: another family, an address too short to hold type, feat and mask, or a type
    /// with a `:` (no kernel type has one; the text form could not carry it) is
    /// `InvalidInput`; a type or name that is not UTF-8 is `InvalidData` (the bytes are
    /// well-formed, only not representable here).
    fn decode(addr: &SockAddr) -> io::Result<AlgAddr> {
        let data = Self::expect_family(addr)?;
        if data.len() < NAME_AT {
            return Err(invalid_input("address", "too short for a sockaddr_alg"));
        }
        let text = |bytes: &[u8]| -> io::Result<String> {
            let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            String::from_utf8(bytes[..end].to_vec())
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "AF_ALG address is not UTF-8"))
        };
        let word = |at: usize| u32::from_ne_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]);
        let name_end = data.len().min(NAME_AT + NAME_MAX - 1);
        let (ty, name) = (text(&data[TYPE_AT..TYPE_AT + TYPE_MAX - 1])?, text(&data[NAME_AT..name_end])?);
        AlgAddr::with_flags(&ty, &name, word(FEAT_AT), word(MASK_AT))
    }

    /// Encodes a `struct sockaddr_alg` (88 bytes); never fails.
    fn encode(&self) -> io::Result<SockAddr> {
        self.to_sock_addr_alg()
    }
}

sock_core::family_addr!(AlgAddr);

impl From<&AlgAddr> for SockAddr {
    /// [`FamilyAddr::encode`], which cannot fail for AF_ALG (88 bytes always fit).
    fn from(addr: &AlgAddr) -> SockAddr {
        addr.to_sock_addr_alg().unwrap_or_default()
    }
}

impl From<AlgAddr> for SockAddr {
    /// [`FamilyAddr::encode`], which cannot fail for AF_ALG.
    fn from(addr: AlgAddr) -> SockAddr {
        SockAddr::from(&addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cpython_length_limits() {
        // bpo-35050: 13/63 bytes are accepted (the kernel then says ENOENT), 14/64 are not.
        assert!(AlgAddr::new(&"t".repeat(13), "name").is_ok());
        let e = AlgAddr::new(&"t".repeat(14), "name").unwrap_err();
        assert_eq!((e.kind(), e.to_string()), (io::ErrorKind::InvalidInput, "type: AF_ALG type too long.".into()));
        assert!(AlgAddr::new("hash", &"n".repeat(63)).is_ok());
        let e = AlgAddr::new("hash", &"n".repeat(64)).unwrap_err();
        assert_eq!((e.kind(), e.to_string()), (io::ErrorKind::InvalidInput, "name: AF_ALG name too long.".into()));
        assert_eq!(AlgAddr::new("ha\0sh", "x").unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn layout_is_sockaddr_alg() {
        let raw = AlgAddr::with_flags("hash", "sha256", 1, 2).unwrap().encode().unwrap();
        assert_eq!(raw.len(), std::mem::size_of::<libc::sockaddr_alg>());
        let b = raw.as_bytes();
        assert_eq!(&b[2..6], b"hash");
        assert_eq!(u32::from_ne_bytes(b[16..20].try_into().unwrap()), 1);
        assert_eq!(u32::from_ne_bytes(b[20..24].try_into().unwrap()), 2);
        assert_eq!(&b[24..30], b"sha256");
    }

    #[test]
    fn wrong_family_or_short_is_an_error() {
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        assert_eq!(AlgAddr::decode(&inet).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let short = SockAddr::new(libc::AF_ALG as u16, b"hash").unwrap();
        assert_eq!(AlgAddr::decode(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        // A type with `:` (found by fuzzing: its text did not parse back) is refused both ways.
        let mut data = [0u8; 86];
        data[..3].copy_from_slice(b"a:b");
        let colon = SockAddr::new(libc::AF_ALG as u16, &data).unwrap();
        let e = AlgAddr::decode(&colon).unwrap_err();
        assert_eq!((e.kind(), e.to_string()), (io::ErrorKind::InvalidInput, "type: an AF_ALG type has no `:`".into()));
        assert_eq!(AlgAddr::new("a:b", "x").unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    fn field(max: usize) -> impl Strategy<Value = String> {
        proptest::string::string_regex(&format!("[a-z0-9()_,:-]{{0,{}}}", max - 1)).unwrap()
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=126)) {
            let raw = SockAddr::new(libc::AF_ALG as u16, &bytes).unwrap();
            if let Ok(a) = AlgAddr::decode(&raw) {
                prop_assert!(a.ty().len() < TYPE_MAX && a.name().len() < NAME_MAX);
            }
        }

        #[test]
        fn round_trips(ty in field(TYPE_MAX), name in field(NAME_MAX), feat in any::<u32>(), mask in any::<u32>()) {
            let ty = ty.replace(':', "");
            let a = AlgAddr::with_flags(&ty, &name, feat, mask).unwrap();
            prop_assert_eq!(AlgAddr::decode(&a.encode().unwrap()).unwrap(), a.clone());
            prop_assert_eq!(a.to_string().parse::<AlgAddr>().unwrap(), a);
        }
    }
}
