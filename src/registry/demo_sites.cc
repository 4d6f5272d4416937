#include "registry/demo_sites.h"

namespace sanad::registry {
namespace {

using C = Community;

// Places of origin (COD-AB subdistricts) that displaced households name most often.
constexpr std::string_view kSinjar = "IQG15Q07N03";     // Markaz Sinjar
constexpr std::string_view kSinuni = "IQG15Q07N02";     // Al-Shamal (Sinuni)
constexpr std::string_view kQairawan = "IQG15Q07N01";   // Al-Qairawan
constexpr std::string_view kMosul = "IQG15Q05N04";      // Al-Muhamadath: Mosul city
constexpr std::string_view kQayyara = "IQG15Q05N01";    // Al-Qayarra
constexpr std::string_view kTelafar = "IQG15Q08N01";    // Markaz Telafar
constexpr std::string_view kBaaj = "IQG15Q02N01";       // Markaz Al-Baaj
constexpr std::string_view kQaraqosh = "IQG15Q03N03";   // Markaz Al-Hamdaniya
constexpr std::string_view kBartella = "IQG15Q03N02";   // Bartilla
constexpr std::string_view kTelKeppe = "IQG15Q09N01";   // Markaz Tilkaef
constexpr std::string_view kHawija = "IQG13Q01N01";     // Markaz Al-Hawiga
constexpr std::string_view kShirqat = "IQG16Q02N01";    // Markaz Al-Shirqat
constexpr std::string_view kBaiji = "IQG16Q03N01";      // Markaz Beygee
constexpr std::string_view kTikrit = "IQG16Q06N01";     // Um Al-Qura: Tikrit
constexpr std::string_view kRamadi = "IQG01Q03N03";     // Markaz Al-Ramadi
constexpr std::string_view kFallujah = "IQG01Q01N03";   // Markaz Al-Falluja
constexpr std::string_view kGarma = "IQG01Q01N02";      // Al-Garma
constexpr std::string_view kQaim = "IQG01Q02N01";       // Al-Karabla (Al-Qaim)
constexpr std::string_view kJalawla = "IQG10Q05N04";    // Jalawla
constexpr std::string_view kMuqdadiya = "IQG10Q02N02";  // Markaz Al-Muqdadiya

// Places where organisations work (data/iraq/irq_ngo_places.csv) and well-known camps. Camp
// subdistricts follow the camps' districts; Sulaymaniyah city is placed in Sarchnar because
// COD 2019 has no Markaz subdistrict for it. Returnees' origin is the place they returned to.
constexpr DemoSite kSites[] = {
    // Duhok governorate: Yazidi IDP camps, Syrian Kurdish refugees, the host community.
    {"IQG09Q03N03", "Khanke camp", "idp_in_camp", C::kYazidi, 60, {kSinjar, kSinuni, kQairawan}},
    {"IQG09Q03N03", "Sharya camp", "idp_in_camp", C::kYazidi, 35, {kSinjar, kSinuni, kQairawan}},
    {"IQG09Q03N03", "Kabarto 2 camp", "idp_in_camp", C::kYazidi, 25, {kSinjar, kQairawan, {}}},
    {"IQG09Q04N01", "Chamishku camp", "idp_in_camp", C::kYazidi, 35, {kSinjar, kSinuni, {}}},
    {"IQG09Q03N03", "Domiz 1 camp", "refugee", C::kKurdish, 35, {}},
    {"IQG09Q02N02", "", "host_community", C::kKurdish, 35, {}},
    {"IQG09Q02N02", "", "idp_out_of_camp", C::kYazidi, 25, {kSinjar, kSinuni, {}}},
    {"IQG09Q02N02", "", "refugee", C::kKurdish, 15, {}},
    {"IQG09Q02N02", "", "migrant", C::kArab, 5, {}},
    {"IQG09Q04N01", "", "host_community", C::kKurdish, 15, {}},
    // Erbil governorate: the city, Ankawa's displaced Christians, camps.
    {"IQG11Q02N02", "", "host_community", C::kKurdish, 45, {}},
    {"IQG11Q02N02", "", "idp_out_of_camp", C::kArab, 45, {kMosul, kRamadi, kBaiji}},
    {"IQG11Q02N02", "", "refugee", C::kKurdish, 20, {}},
    {"IQG11Q02N02", "", "migrant", C::kArab, 12, {}},
    {"IQG11Q02N02", "Ankawa", "idp_out_of_camp", C::kChristian, 30, {kQaraqosh, kBartella, kMosul}},
    {"IQG11Q02N02", "Ankawa", "host_community", C::kChristian, 15, {}},
    {"IQG11Q02N01", "Qushtapa camp", "refugee", C::kKurdish, 25, {}},
    {"IQG11Q04N03", "Debaga camp", "idp_in_camp", C::kArab, 20, {kHawija, kQayyara, kMosul}},
    {"IQG11Q02N02", "Harshm camp", "idp_in_camp", C::kArab, 10, {kRamadi, kMosul, {}}},
    // Ninewa Plains: Christian towns, mostly returnees.
    {kQaraqosh, "", "returnee", C::kChristian, 70, {kQaraqosh}},
    {kQaraqosh, "", "host_community", C::kChristian, 10, {}},
    {kQaraqosh, "", "idp_out_of_camp", C::kArab, 8, {kMosul, kTelafar, {}}},
    {kBartella, "", "returnee", C::kChristian, 30, {kBartella}},
    {kQaraqosh, "Karamles", "returnee", C::kChristian, 20, {kQaraqosh}},
    {kTelKeppe, "", "returnee", C::kChristian, 10, {kTelKeppe}},
    {kTelKeppe, "", "returnee", C::kArab, 10, {kTelKeppe}},
    {kTelKeppe, "Teleskuf", "returnee", C::kChristian, 12, {kTelKeppe}},
    {"IQG15Q09N02", "", "host_community", C::kChristian, 8, {}},
    // Mosul, Sinjar and the Ninewa camps.
    {kMosul, "", "returnee", C::kArab, 60, {kMosul}},
    {kMosul, "", "idp_out_of_camp", C::kArab, 30, {kTelafar, kBaaj, kQayyara}},
    {kMosul, "", "host_community", C::kArab, 30, {}},
    {kSinjar, "", "returnee", C::kYazidi, 45, {kSinjar}},
    {kSinjar, "", "idp_out_of_camp", C::kYazidi, 5, {kQairawan, {}, {}}},
    {kSinuni, "", "returnee", C::kYazidi, 20, {kSinuni}},
    {kSinuni, "", "idp_out_of_camp", C::kYazidi, 10, {kSinjar, kQairawan, {}}},
    {kQayyara, "Jeddah 5 camp", "idp_in_camp", C::kArab, 25, {kMosul, kHawija, kShirqat}},
    {"IQG15Q06N01", "Essian camp", "idp_in_camp", C::kYazidi, 15, {kSinjar, kSinuni, {}}},
    {"IQG15Q06N01", "Mam Rashan camp", "idp_in_camp", C::kYazidi, 10, {kSinjar, {}, {}}},
    {"IQG15Q01N01", "Gawilan camp", "refugee", C::kKurdish, 10, {}},
    // Baghdad.
    {"IQG08Q06N01", "", "host_community", C::kArab, 40, {}},
    {"IQG08Q06N01", "", "idp_out_of_camp", C::kArab, 25, {kRamadi, kTikrit, kJalawla}},
    {"IQG08Q06N01", "", "migrant", C::kArab, 15, {}},
    {"IQG08Q07N01", "", "host_community", C::kArab, 35, {}},
    {"IQG08Q02N02", "", "idp_out_of_camp", C::kArab, 15, {kFallujah, kGarma, {}}},
    {"IQG08Q02N02", "", "returnee", C::kArab, 10, {"IQG08Q02N02"}},
    // Anbar.
    {kFallujah, "", "returnee", C::kArab, 40, {kFallujah}},
    {kFallujah, "", "host_community", C::kArab, 15, {}},
    {"IQG01Q01N01",
     "Amriyat Al-Fallujah camp",
     "idp_in_camp",
     C::kArab,
     20,
     {kGarma, kFallujah, kQaim}},
    {kRamadi, "", "returnee", C::kArab, 30, {kRamadi}},
    {kRamadi, "", "host_community", C::kArab, 10, {}},
    {"IQG01Q03N01",
     "Habbaniyah Tourist City camp",
     "idp_in_camp",
     C::kArab,
     10,
     {kRamadi, kQaim, {}}},
    // Basra, Muthanna.
    {"IQG02Q02N02", "", "host_community", C::kArab, 50, {}},
    {"IQG02Q02N02", "", "idp_out_of_camp", C::kArab, 20, {kMosul, kRamadi, kTikrit}},
    {"IQG02Q02N02", "", "migrant", C::kArab, 15, {}},
    {"IQG02Q06N01", "", "host_community", C::kArab, 15, {}},
    {"IQG02Q06N01", "", "migrant", C::kArab, 5, {}},
    {"IQG03Q04N01", "", "host_community", C::kArab, 15, {}},
    // Sulaymaniyah, Kirkuk, Salah Al-Din, Diyala.
    {"IQG06Q01N03", "", "host_community", C::kKurdish, 25, {}},
    {"IQG06Q01N03", "", "idp_out_of_camp", C::kArab, 15, {kJalawla, kMuqdadiya, kTikrit}},
    {"IQG06Q01N03", "", "refugee", C::kKurdish, 8, {}},
    {"IQG13Q04N06", "", "host_community", C::kArab, 15, {}},
    {"IQG13Q04N06", "", "host_community", C::kKurdish, 15, {}},
    {"IQG13Q04N06", "", "idp_out_of_camp", C::kArab, 15, {kHawija, kShirqat, {}}},
    {kHawija, "", "returnee", C::kArab, 15, {kHawija}},
    {kTikrit, "", "returnee", C::kArab, 20, {kTikrit}},
    {kTikrit, "", "host_community", C::kArab, 10, {}},
    {kBaiji, "", "returnee", C::kArab, 10, {kBaiji}},
    {kShirqat, "", "returnee", C::kArab, 10, {kShirqat}},
    {kJalawla, "", "returnee", C::kArab, 10, {kJalawla}},
    {kJalawla, "", "returnee", C::kKurdish, 5, {kJalawla}},
    {"IQG10Q05N02", "", "host_community", C::kKurdish, 8, {}},
    {"IQG10Q05N02", "", "idp_out_of_camp", C::kArab, 7, {kJalawla, kMuqdadiya, {}}},
};

}  // namespace

std::span<const DemoSite> DemoSites() { return kSites; }

}  // namespace sanad::registry
