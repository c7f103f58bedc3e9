//! The AF_ALG socket options (level `SOL_ALG`), set on a transform socket: `ALG_SET_KEY`,
//! `ALG_SET_AEAD_AUTHSIZE` (a NULL-value option) and `ALG_SET_DRBG_ENTROPY`. They are
//! functions on a plain [`Socket`], as the transform socket is one; AF_ALG has no on/off
//! option.

use std::io;

use sock_core::Socket;

use crate::consts::{ALG_SET_AEAD_AUTHSIZE, ALG_SET_DRBG_ENTROPY, ALG_SET_KEY, SOL_ALG};

/// `setsockopt(SOL_ALG, ALG_SET_KEY, key)` on a transform socket: the HMAC key, the cipher
/// key, or an RNG's seed. Set it before the first [`accept`](crate::accept); a wrong length for the cipher
/// is the kernel's `EINVAL`.
pub fn set_key(tfm: &Socket, key: &[u8]) -> io::Result<()> {
    tfm.setsockopt_bytes(SOL_ALG, ALG_SET_KEY, key)
}

/// `setsockopt(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, None, tag_len)` on an AEAD transform socket:
/// the tag length, passed as the option *length* with a NULL value.
pub fn set_aead_authsize(tfm: &Socket, tag_len: u32) -> io::Result<()> {
    tfm.setsockopt_null(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, tag_len)
}

/// `setsockopt(SOL_ALG, ALG_SET_DRBG_ENTROPY, entropy)`: test entropy for a DRBG. Only kernels
/// built with `CONFIG_CRYPTO_USER_API_RNG_CAVP` accept it (others: `ENOPROTOOPT`).
pub fn set_drbg_entropy(tfm: &Socket, entropy: &[u8]) -> io::Result<()> {
    tfm.setsockopt_bytes(SOL_ALG, ALG_SET_DRBG_ENTROPY, entropy)
}
