//! The `ALG_*` and `SOL_ALG` constants of CPython's `socket` module, with their Linux values
//! (`<linux/if_alg.h>`). `AF_ALG` itself lives in `sock_core::consts` and is re-exported here.
//!
//! `ALG_SET_PUBKEY`, `ALG_OP_SIGN` and `ALG_OP_VERIFY` are names CPython defines for an
//! asymmetric-cipher interface that never reached mainline Linux; they have CPython's values
//! (`ALG_SET_PUBKEY` shares 6 with the kernel's `ALG_SET_DRBG_ENTROPY`).

use libc::c_int;

pub use sock_core::consts::AF_ALG;

/// `SOL_ALG`: the option and control-message level of AF_ALG sockets.
pub const SOL_ALG: c_int = libc::SOL_ALG;

/// `ALG_SET_KEY`: `setsockopt` on the transform socket that sets the key (HMAC key, cipher
/// key, or the seed of an `rng`).
pub const ALG_SET_KEY: c_int = libc::ALG_SET_KEY;
/// `ALG_SET_IV`: control message carrying `struct af_alg_iv { u32 ivlen; u8 iv[]; }`.
pub const ALG_SET_IV: c_int = libc::ALG_SET_IV;
/// `ALG_SET_OP`: control message carrying the operation as a `u32` (`ALG_OP_*`).
pub const ALG_SET_OP: c_int = libc::ALG_SET_OP;
/// `ALG_SET_AEAD_ASSOCLEN`: control message carrying the associated-data length as a `u32`.
pub const ALG_SET_AEAD_ASSOCLEN: c_int = libc::ALG_SET_AEAD_ASSOCLEN;
/// `ALG_SET_AEAD_AUTHSIZE`: `setsockopt` with a NULL value whose *length* is the tag size.
pub const ALG_SET_AEAD_AUTHSIZE: c_int = libc::ALG_SET_AEAD_AUTHSIZE;
/// `ALG_SET_DRBG_ENTROPY`: `setsockopt` giving test entropy to a DRBG (kernels built with
/// `CONFIG_CRYPTO_USER_API_RNG_CAVP`, Linux ≥ 5.10).
pub const ALG_SET_DRBG_ENTROPY: c_int = libc::ALG_SET_DRBG_ENTROPY;
/// `ALG_SET_PUBKEY`: CPython's name for an out-of-tree akcipher option (value 6, as CPython).
pub const ALG_SET_PUBKEY: c_int = 6;
/// `ALG_SET_KEY_BY_KEY_SERIAL`: `setsockopt` taking a keyring key serial instead of key bytes
/// (Linux ≥ 6.2; not in CPython 3.11).
pub const ALG_SET_KEY_BY_KEY_SERIAL: c_int = libc::ALG_SET_KEY_BY_KEY_SERIAL;

/// `ALG_OP_DECRYPT`: the `ALG_SET_OP` value that decrypts.
pub const ALG_OP_DECRYPT: c_int = libc::ALG_OP_DECRYPT;
/// `ALG_OP_ENCRYPT`: the `ALG_SET_OP` value that encrypts.
pub const ALG_OP_ENCRYPT: c_int = libc::ALG_OP_ENCRYPT;
/// `ALG_OP_SIGN`: CPython's value for an out-of-tree akcipher sign operation.
pub const ALG_OP_SIGN: c_int = 2;
/// `ALG_OP_VERIFY`: CPython's value for an out-of-tree akcipher verify operation.
pub const ALG_OP_VERIFY: c_int = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_python_and_uapi() {
        // python3.11 -c 'import socket; print(socket.SOL_ALG, socket.ALG_SET_KEY, ...)'
        assert_eq!(
            (SOL_ALG, ALG_SET_KEY, ALG_SET_IV, ALG_SET_OP, ALG_SET_AEAD_ASSOCLEN, ALG_SET_AEAD_AUTHSIZE),
            (279, 1, 2, 3, 4, 5)
        );
        assert_eq!((ALG_SET_PUBKEY, ALG_SET_DRBG_ENTROPY, ALG_SET_KEY_BY_KEY_SERIAL), (6, 6, 7));
        assert_eq!((ALG_OP_DECRYPT, ALG_OP_ENCRYPT, ALG_OP_SIGN, ALG_OP_VERIFY), (0, 1, 2, 3));
        assert_eq!(AF_ALG, 38);
        assert_eq!(SOL_ALG, libc::SOL_ALG);
        assert_eq!(ALG_SET_AEAD_AUTHSIZE, libc::ALG_SET_AEAD_AUTHSIZE);
    }
}
