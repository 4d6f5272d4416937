#include "http/server.h"

// Boost 1.74's Asio uses std::exchange without including <utility> (STACK.md).
#include <utility>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <cctype>
#include <chrono>
#include <thread>
#include <vector>

namespace sanad::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

constexpr auto kReadTimeout = std::chrono::seconds(60);

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, const ServerOptions& options,
             const std::function<Response(Request&)>& handler)
      : stream_(std::move(socket)), options_(options), handler_(handler) {}

  void Start() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&Connection::Read, shared_from_this()));
  }

 private:
  void Read() {
    parser_.emplace();
    // The largest limit while the header is read (Beast checks Content-Length against it
    // then); OnHeader narrows it to the path's.
    body_limit_ = std::max(options_.body_limit, options_.upload_body_limit);
    parser_->body_limit(body_limit_);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(kReadTimeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Connection::OnHeader, shared_from_this()));
  }

  // Raises the body limit for upload paths, then reads the body.
  void OnHeader(beast::error_code ec, size_t bytes) {
    if (ec) return OnRead(ec, bytes);
    const std::string_view target = parser_->get().target();
    body_limit_ = options_.body_limit;
    for (const auto& prefix : options_.upload_paths) {
      if (target.starts_with(prefix)) body_limit_ = options_.upload_body_limit;
    }
    const auto length = parser_->content_length();
    if (length && *length > body_limit_) return OnRead(bhttp::error::body_limit, bytes);
    parser_->body_limit(body_limit_);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Connection::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      Response r{.status = 413,
                 .body = R"({"error":{"code":"payload_too_large","message":"the request body is )"
                         R"(larger than )" +
                         std::to_string(body_limit_ >> 20) + R"( MiB"}})"};
      return Write(std::move(r), /*keep_alive=*/false, 11);
    }
    if (ec) {
      Response r{.status = 400,
                 .body = R"({"error":{"code":"bad_request","message":"malformed HTTP request"}})"};
      return Write(std::move(r), false, 11);
    }
    auto msg = parser_->release();
    Request req;
    req.method = std::string(msg.method_string());
    const std::string_view target = msg.target();
    const size_t q = target.find('?');
    req.path = UrlDecode(target.substr(0, q), false);
    if (q != std::string_view::npos) req.query = ParseQuery(target.substr(q + 1));
    for (const auto& field : msg)
      req.headers[Lower(field.name_string())] = std::string(field.value());
    req.body = std::move(msg.body());
    beast::error_code ep_ec;
    const auto ep = stream_.socket().remote_endpoint(ep_ec);
    if (!ep_ec) req.remote_address = ep.address().to_string();
    Response res;
    try {
      res = handler_(req);
    } catch (const std::exception& e) {
      res = Response{.status = 500,
                     .body = R"({"error":{"code":"internal","message":"internal error"}})"};
    }
    Write(std::move(res), msg.keep_alive(), msg.version());
  }

  void Write(Response r, bool keep_alive, unsigned version) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(r.status), version);
    res->set(bhttp::field::server, "sanad");
    res->set(bhttp::field::content_type, r.content_type);
    res->set("X-Content-Type-Options", "nosniff");
    res->set("X-Frame-Options", "DENY");
    res->set("Referrer-Policy", "no-referrer");
    for (auto& [k, v] : r.headers) res->insert(k, v);
    res->body() = std::move(r.body);
    res->keep_alive(keep_alive);
    res->prepare_payload();
    response_ = res;
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                         self->response_.reset();
                         if (ec || !keep_alive) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::shared_ptr<void> response_;
  size_t body_limit_ = 0;
  const ServerOptions& options_;
  const std::function<Response(Request&)>& handler_;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::function<Response(Request&)> handler;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        s.set_option(tcp::no_delay(true), ec);
        std::make_shared<Connection>(std::move(s), options, handler)->Start();
      }
      Accept();
    });
  }
};

Server::Server(ServerOptions options, std::function<Response(Request&)> handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

Server::~Server() = default;

Status Server::Listen() {
  beast::error_code ec;
  const auto addr = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Status::InvalidArgument("bad listen address " + impl_->options.address);
  const tcp::endpoint ep(addr, impl_->options.port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::Unavailable("cannot listen on " + impl_->options.address + ":" +
                               std::to_string(impl_->options.port) + ": " + ec.message());
  }
  return Status::Ok();
}

uint16_t Server::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void Server::Run() {
  impl_->signals.async_wait([this](beast::error_code, int) { Stop(); });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i)
    threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
}

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->ioc.stop(); });
}

}  // namespace sanad::http
