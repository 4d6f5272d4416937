#include "io/xml_stream_internal.h"

#include <expat.h>

#include <charconv>
#include <climits>

namespace sanad::io {
namespace {

constexpr char kNamespaceSeparator = '|';

std::string_view LocalName(const char* name) {
  const std::string_view n(name);
  const size_t sep = n.rfind(kNamespaceSeparator);
  return sep == std::string_view::npos ? n : n.substr(sep + 1);
}

}  // namespace

std::string_view XmlAttributes::Get(std::string_view name) const {
  for (const char** a = attrs_; a[0] != nullptr; a += 2) {
    if (LocalName(a[0]) == name) return a[1];
  }
  return {};
}

struct XmlStream::Impl {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::string context;
  std::string error;      // why the XML was refused
  Status handler_status;  // why a handler stopped the parse

  static void OnStart(void* data, const char* name, const char** attrs) {
    auto* self = static_cast<Impl*>(data);
    self->handler->Start(LocalName(name), XmlAttributes(attrs));
  }
  static void OnEnd(void* data, const char* name) {
    static_cast<Impl*>(data)->handler->End(LocalName(name));
  }
  static void OnText(void* data, const char* text, int len) {
    auto* self = static_cast<Impl*>(data);
    Status s = self->handler->Text(std::string_view(text, static_cast<size_t>(len)));
    if (!s.ok() && self->handler_status.ok()) {
      self->handler_status = std::move(s);
      XML_StopParser(self->parser, XML_FALSE);
    }
  }
  static void OnDoctype(void* data, const char*, const char*, const char*, int) {
    static_cast<Impl*>(data)->Stop("has a DOCTYPE, which XLSX never needs");
  }
  void Stop(std::string why) {
    if (error.empty()) error = std::move(why);
    XML_StopParser(parser, XML_FALSE);
  }
};

XmlStream::XmlStream(XmlHandler& handler, std::string context) : impl_(std::make_unique<Impl>()) {
  impl_->context = std::move(context);
  impl_->parser = XML_ParserCreateNS(nullptr, kNamespaceSeparator);
  impl_->handler = &handler;
  XML_SetUserData(impl_->parser, impl_.get());
  XML_SetElementHandler(impl_->parser, &Impl::OnStart, &Impl::OnEnd);
  XML_SetCharacterDataHandler(impl_->parser, &Impl::OnText);
  XML_SetStartDoctypeDeclHandler(impl_->parser, &Impl::OnDoctype);
}

XmlStream::~XmlStream() { XML_ParserFree(impl_->parser); }

Status XmlStream::Feed(std::string_view chunk, bool last) {
  if (chunk.size() > INT_MAX) return Status::InvalidArgument(impl_->context + ": piece too large");
  if (XML_Parse(impl_->parser, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
      XML_STATUS_OK) {
    return Status::Ok();
  }
  if (!impl_->handler_status.ok()) return impl_->handler_status;
  if (impl_->error.empty()) {
    impl_->error = std::string(XML_ErrorString(XML_GetErrorCode(impl_->parser))) + " at line " +
                   std::to_string(XML_GetCurrentLineNumber(impl_->parser));
  }
  return Status::InvalidArgument(impl_->context + ": " + impl_->error);
}

std::optional<int> ParseInt(std::string_view s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace sanad::io
