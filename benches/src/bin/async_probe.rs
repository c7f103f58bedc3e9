//! Runs `N` async round trips of 64 bytes on a current-thread tokio runtime, through `sock`'s
//! async layer or through `tokio::net`, so that `valgrind --tool=callgrind` can count the
//! user-space instructions of each: per operation = (count(N2) - count(N1)) / (N2 - N1), which
//! cancels the setup. One round is: `unix`, a send on one end of an AF_UNIX stream pair and a
//! recv on the other; `udp`, a send_to and a recv_from on loopback. Data is always ready when
//! the receive runs, so both sides make one syscall per operation.
//!
//! Usage: `async_probe <sock|tokio> <unix|udp> <N>`.

use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: async_probe <sock|tokio> <unix|udp> <N>";
    let (via, work, n) = match args.as_slice() {
        [_, v, w, n] => (v.clone(), w.clone(), n.parse::<usize>().expect(usage)),
        _ => panic!("{usage}"),
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_io().build().expect("runtime");
    rt.block_on(async move {
        let msg = [0x5au8; 64];
        let mut buf = [0u8; 64];
        match (via.as_str(), work.as_str()) {
            ("sock", "unix") => {
                let (a, b) = sock::socketpair().unwrap();
                let (a, b) = (sock::tokio::AsyncSocket::new(a).unwrap(), sock::tokio::AsyncSocket::new(b).unwrap());
                for _ in 0..n {
                    black_box(a.send(black_box(&msg)).await.unwrap());
                    black_box(b.recv(&mut buf).await.unwrap());
                }
            }
            ("tokio", "unix") => {
                let (a, b) = tokio::net::UnixStream::pair().unwrap();
                for _ in 0..n {
                    a.writable().await.unwrap();
                    black_box(a.try_write(black_box(&msg)).unwrap());
                    b.readable().await.unwrap();
                    black_box(b.try_read(&mut buf).unwrap());
                }
            }
            ("sock", "udp") => {
                let new = || {
                    let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None).unwrap();
                    s.bind((std::net::Ipv4Addr::LOCALHOST, 0)).unwrap();
                    sock::tokio::AsyncSocket::new(s).unwrap()
                };
                let (tx, rx) = (new(), new());
                let dst = rx.socket().local_addr().unwrap();
                for _ in 0..n {
                    black_box(tx.send_to(black_box(&msg), dst).await.unwrap());
                    black_box(rx.recv_from(&mut buf).await.unwrap());
                }
            }
            ("tokio", "udp") => {
                let tx = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
                let rx = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
                let dst = rx.local_addr().unwrap();
                for _ in 0..n {
                    black_box(tx.send_to(black_box(&msg), dst).await.unwrap());
                    black_box(rx.recv_from(&mut buf).await.unwrap());
                }
            }
            _ => panic!("{usage}"),
        }
    });
}
