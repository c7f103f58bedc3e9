#![cfg(all(feature = "alg", feature = "tokio", feature = "async-io"))]
//! The async kernel-crypto objects (issue 15) on both runtimes: published vectors and results
//! equal to the sync objects' (inputs over several 64 KiB steps), authentication failures,
//! futures dropped after one poll that leave the object clean, and runtime timers around the
//! calls. The host kernel has no AF_ALG: these tests skip there and run in the VM.

use std::io;
use std::time::Duration;

use futures_lite::future::poll_once;
use sock_alg::aio::{AsyncAead, AsyncHash, AsyncSkcipher};
use sock_alg::{is_auth_failure, Aead, Hash, Skcipher};
use sock_core::aio::Reactor;
use sock_core::{Family, Socket, Type};

/// CPython's probe: can an AF_ALG socket be created?
fn have_alg() -> bool {
    sock_tests::require("AF_ALG sockets", Socket::new(Family::ALG, Type::SEQPACKET, None).map(drop))
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

const SHA256_ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const SHA256_EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const CBC_KEY: &str = "06a9214036b8a15b512e03d534120006";
const CBC_IV: &str = "3dafba429d9eb430b422da802c9fac41";
const CBC_MSG: &[u8] = b"Single block msg";
const CBC_CT: &str = "e353779c1079aeb82708942dbe77181a";

fn big(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
}

async fn hashes<R: Reactor<Hash>>() {
    let mut h = AsyncHash::<R>::open("sha256").unwrap();
    for piece in [&b"a"[..], b"b", b"c"] {
        h.update(piece).await.unwrap();
    }
    assert_eq!(h.finalize().await.unwrap().to_string(), SHA256_ABC);
    assert_eq!(h.finalize().await.unwrap().to_string(), SHA256_EMPTY, "reusable; no data: the empty message");

    // A fork continues from the running state.
    h.update(b"a").await.unwrap();
    let mut fork = h.try_clone().unwrap();
    h.update(b"bc").await.unwrap();
    fork.update(b"bc").await.unwrap();
    assert_eq!(h.finalize().await.unwrap().to_string(), SHA256_ABC);
    assert_eq!(fork.finalize().await.unwrap().to_string(), SHA256_ABC);

    // HMAC, and a large input equal to the sync object's digest.
    let mut mac = AsyncHash::<R>::keyed("hmac(sha1)", b"Python loves AF_ALG").unwrap();
    let tag = mac.digest(b"what do ya want for nothing?").await.unwrap();
    assert_eq!(tag.to_string(), "193dbb43c6297b47ea6277ec0ce67119a3f3aa66");
    let data = big(1 << 20);
    let want = Hash::new("sha512").unwrap().digest(&data).unwrap();
    let mut h = AsyncHash::<R>::open("sha512").unwrap();
    assert_eq!(h.digest(&data).await.unwrap(), want);

    // Hash sockets cannot be polled, so each future completes on its first poll: a future
    // dropped after one poll did all its work, never half of it.
    assert!(poll_once(h.update(b"abc")).await.is_some(), "update completes on its first poll");
    let digest = poll_once(h.finalize()).await.expect("finalize completes on its first poll").unwrap();
    assert_eq!(digest.len(), 64);
    assert_eq!(digest, Hash::new("sha512").unwrap().digest(b"abc").unwrap());

    // An unknown algorithm is the kernel's ENOENT, before any registration.
    assert_eq!(AsyncHash::<R>::open("no-such-hash").unwrap_err().kind(), io::ErrorKind::NotFound);
    let back: Hash = h.into_inner().unwrap();
    drop(back);
}

async fn ciphers<R: Reactor<Skcipher>>() {
    let (key, iv) = (hex(CBC_KEY), hex(CBC_IV));
    let mut aes = AsyncSkcipher::<R>::open("cbc(aes)", &key).unwrap();
    assert_eq!(aes.encrypt(&iv, CBC_MSG).await.unwrap(), hex(CBC_CT));
    assert_eq!(aes.decrypt(&iv, &hex(CBC_CT)).await.unwrap(), CBC_MSG);
    assert_eq!(aes.encrypt(&iv, b"").await.unwrap(), b"", "empty in, empty out");

    // Several 64 KiB steps: the same bytes as the sync object, and back.
    let data = big(300 * 1024 + 16);
    let mut sync = Skcipher::new("ctr(aes)", &[0x11; 16]).unwrap();
    let want = sync.encrypt(&[0x22; 16], &data).unwrap();
    let mut ctr = AsyncSkcipher::<R>::open("ctr(aes)", &[0x11; 16]).unwrap();
    let got = ctr.encrypt(&[0x22; 16], &data).await.unwrap();
    assert!(got == want, "async CTR over 5 steps equals the sync result");
    assert!(ctr.decrypt(&[0x22; 16], &got).await.unwrap() == data);

    // A call dropped after its first poll leaves the object clean for the next one.
    let _ = poll_once(ctr.encrypt(&[0x22; 16], &data)).await;
    let _ = poll_once(aes.encrypt(&iv, &[0u8; 4096])).await;
    assert!(ctr.encrypt(&[0x22; 16], &data).await.unwrap() == want);
    assert_eq!(aes.encrypt(&iv, CBC_MSG).await.unwrap(), hex(CBC_CT));

    // The kernel's errors: a length CBC rejects, an IV of the wrong length.
    assert_eq!(aes.encrypt(&iv, b"not a block").await.unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(aes.encrypt(&iv[..3], CBC_MSG).await.unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(aes.encrypt(&iv, CBC_MSG).await.unwrap(), hex(CBC_CT), "usable after errors");
    let _: Skcipher = aes.into_inner().unwrap();
}

async fn aeads<R: Reactor<Socket>>() {
    let key = [0x42u8; 16];
    let mut gcm = AsyncAead::<R>::open("gcm(aes)", &key, 16).unwrap();
    assert_eq!(gcm.tag_len(), 16);
    let sealed = gcm.encrypt(&[1; 12], b"header", b"secret message").await.unwrap();
    let want = Aead::new("gcm(aes)", &key, 16).unwrap().encrypt(&[1; 12], b"header", b"secret message").unwrap();
    assert_eq!(sealed, want, "the same as the sync object");
    assert_eq!(gcm.decrypt(&[1; 12], b"header", &sealed).await.unwrap(), b"secret message");

    let mut bad = sealed.clone();
    bad[0] ^= 1;
    let err = gcm.decrypt(&[1; 12], b"header", &bad).await.unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    assert!(is_auth_failure(&err), "{err}");
    let err = gcm.decrypt(&[1; 12], b"other header", &sealed).await.unwrap_err();
    assert!(is_auth_failure(&err), "the associated data is authenticated: {err}");
    assert_eq!(gcm.decrypt(&[1; 12], b"", &[0; 4]).await.unwrap_err().kind(), io::ErrorKind::InvalidInput);

    // Large messages, and a call dropped after its first poll that leaves the object clean.
    let data = big(100 * 1024);
    let sealed = gcm.encrypt(&[2; 12], b"", &data).await.unwrap();
    let _ = poll_once(gcm.decrypt(&[2; 12], b"", &sealed)).await;
    let _ = poll_once(gcm.encrypt(&[3; 12], b"aad", &data)).await;
    assert!(gcm.decrypt(&[2; 12], b"", &sealed).await.unwrap() == data);

    let back: Aead = gcm.into_inner().unwrap();
    assert_eq!(back.tag_len(), 16);
}

mod on_tokio {
    use super::*;
    use sock_core::tokio::Reactor;

    #[tokio::test]
    async fn hash_skcipher_aead() {
        if !have_alg() {
            return;
        }
        hashes::<Reactor<Hash>>().await;
        ciphers::<Reactor<Skcipher>>().await;
        aeads::<Reactor<Socket>>().await;
    }

    #[tokio::test]
    async fn runtime_timers_around_the_calls() {
        if !have_alg() {
            return;
        }
        let mut aes = sock_alg::tokio::AsyncSkcipher::open("cbc(aes)", &hex(CBC_KEY)).unwrap();
        let ct = tokio::time::timeout(Duration::from_secs(5), aes.encrypt(&hex(CBC_IV), CBC_MSG)).await;
        assert_eq!(ct.expect("in time").unwrap(), hex(CBC_CT));
        // A select! against a timer: the call wins or is dropped whole; either way the next
        // call sees a clean object.
        let (iv, zeros) = (hex(CBC_IV), vec![0u8; 64 * 1024]);
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(1)) => {}
            r = aes.encrypt(&iv, &zeros) => assert_eq!(r.unwrap().len(), 64 * 1024),
        }
        assert_eq!(aes.decrypt(&hex(CBC_IV), &hex(CBC_CT)).await.unwrap(), CBC_MSG);
    }

    #[test]
    fn outside_a_runtime_is_an_error() {
        if !have_alg() {
            return;
        }
        let e = sock_alg::tokio::AsyncHash::open("sha256").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Other, "{e}");
    }
}

mod on_async_io {
    use super::*;
    use sock_core::async_io::Reactor;

    #[test]
    fn hash_skcipher_aead() {
        if !have_alg() {
            return;
        }
        async_io::block_on(async {
            hashes::<Reactor<Hash>>().await;
            ciphers::<Reactor<Skcipher>>().await;
            aeads::<Reactor<Socket>>().await;
        });
    }

    #[test]
    fn runtime_timers_around_the_calls() {
        if !have_alg() {
            return;
        }
        async_io::block_on(async {
            let mut gcm = sock_alg::async_io::AsyncAead::open("gcm(aes)", &[7; 16], 16).unwrap();
            let sealed = futures_lite::future::or(async { Some(gcm.encrypt(&[0; 12], b"a", b"b").await) }, async {
                async_io::Timer::after(Duration::from_secs(5)).await;
                None
            })
            .await
            .expect("in time")
            .unwrap();
            assert_eq!(sealed.len(), 1 + 16);
            assert_eq!(gcm.decrypt(&[0; 12], b"a", &sealed).await.unwrap(), b"b");
        });
    }
}
