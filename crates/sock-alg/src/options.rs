//! The AF_ALG socket options (level `SOL_ALG`), set on a transform socket: `ALG_SET_KEY`,
//! `ALG_SET_AEAD_AUTHSIZE` (a NULL-value option) and `ALG_SET_DRBG_ENTROPY`. They are
//! functions on a plain [`Socket`], as the transform socket is one; AF_ALG has no on/off
//! option.

use std::io;

use sock_core::{invalid_input, ErrorContext, Socket};

use crate::consts::{ALG_SET_AEAD_AUTHSIZE, ALG_SET_DRBG_ENTROPY, ALG_SET_KEY, SOL_ALG};

/// `setsockopt(SOL_ALG, ALG_SET_KEY, key)` on a transform socket: the HMAC key, the cipher
/// key, or an RNG's seed. Set it before the first [`accept`](crate::accept). A length the
/// algorithm refuses is `EINVAL` (`InvalidInput`) with the message
/// `setsockopt ALG_SET_KEY (5-byte key): invalid key size for the algorithm (EINVAL)`.
///
/// ```no_run
/// let tfm = sock::alg::transform(("skcipher", "cbc(aes)"))?;
/// sock::alg::set_key(&tfm, &[0x11; 16])?;
/// let e = sock::alg::set_key(&tfm, &[0x11; 5]).unwrap_err();
/// assert_eq!(sock::errno(&e), Some(libc::EINVAL));
/// assert!(e.to_string().contains("5-byte key"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn set_key(tfm: &Socket, key: &[u8]) -> io::Result<()> {
    tfm.setsockopt_bytes(SOL_ALG, ALG_SET_KEY, key).map_err(|e| key_error(e, key.len()))
}

/// A refused key names itself by its size (never its bytes).
#[cold]
fn key_error(e: io::Error, len: usize) -> io::Error {
    let ctx = ErrorContext::new(e, format_args!("ALG_SET_KEY ({len}-byte key)")).operation("setsockopt");
    match ctx.inner().raw_os_error() {
        Some(libc::EINVAL) => ctx.text("invalid key size for the algorithm").into(),
        _ => ctx.into(),
    }
}

/// `setsockopt(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, None, tag_len)` on an AEAD transform socket:
/// the tag length in bytes, passed as the option *length* with a NULL value. A length the
/// algorithm refuses is `setsockopt ALG_SET_AEAD_AUTHSIZE (tag_len 3): Invalid argument
/// (EINVAL)`; one above `u32::MAX` is `InvalidInput` naming `tag_len`.
///
/// ```no_run
/// let tfm = sock::alg::transform(("aead", "gcm(aes)"))?;
/// sock::alg::set_key(&tfm, &[0x42; 16])?;
/// sock::alg::set_aead_authsize(&tfm, 16)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn set_aead_authsize(tfm: &Socket, tag_len: usize) -> io::Result<()> {
    let optlen = u32::try_from(tag_len).map_err(|_| invalid_input("tag_len", "above u32::MAX"))?;
    tfm.setsockopt_null(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, optlen)
        .map_err(|e| sock_core::context(e, "setsockopt", format_args!("ALG_SET_AEAD_AUTHSIZE (tag_len {tag_len})")))
}

/// `setsockopt(SOL_ALG, ALG_SET_DRBG_ENTROPY, entropy)`: test entropy for a DRBG. Only kernels
/// built with `CONFIG_CRYPTO_USER_API_RNG_CAVP` accept it (others:
/// `setsockopt ALG_SET_DRBG_ENTROPY: Protocol not available (ENOPROTOOPT)`).
///
/// ```no_run
/// let tfm = sock::alg::transform(("rng", "drbg_nopr_sha256"))?;
/// if sock::alg::set_drbg_entropy(&tfm, &[7; 32]).is_err() {
///     println!("this kernel takes no test entropy");
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn set_drbg_entropy(tfm: &Socket, entropy: &[u8]) -> io::Result<()> {
    tfm.setsockopt_bytes(SOL_ALG, ALG_SET_DRBG_ENTROPY, entropy)
        .map_err(|e| sock_core::context(e, "setsockopt", "ALG_SET_DRBG_ENTROPY"))
}
