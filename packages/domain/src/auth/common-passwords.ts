/**
 * Most common passwords, refused at registration and password change (reliability-security.md §4, ASVS 5.0 6.2.4).
 *
 * Sources (lower-cased, merged, de-duplicated, in this order of precedence):
 * - the top 1,000 Chinese passwords (NihaoKangkang/Chinese-Common-Password-List via danielmiessler/SecLists,
 *   Passwords/Common-Credentials/Language-Specific/Chinese-common-password-list-top-1000.txt, MIT);
 * - the top 1,000 of the xato.net 10-million password list (SecLists 10-million-password-list-top-1000.txt);
 * - NordPass' 2025 list of the ~200 most used passwords (SecLists 2025-199_most_used_passwords.txt);
 * - a few well-known Chinese ones missing above (CSDN 2011 leak, 岳阳 place names; see SUPPLEMENT).
 * One entry that contained a real-looking mobile number was left out (personal data), as was a racial slur.
 *
 * Entries shorter than 8 code points can never match (the length rule refuses them first); they stay because the list
 * is "the most common passwords", not a list tuned to today's minimum length.
 * To extend: append whitespace-separated lower-case entries; the comparison is case-insensitive.
 */

const LIST = `
123456 123456789 111111 123123 000000 5201314 12345678 a123456 7758521 123321 11111111 1314520 666666
1234567 123456a 888888 123123123 1234567890 woaini 654321 5211314 112233 88888888 woaini1314 00000000
password qq123456 147258369 7758258 520520 123654 aaaaaa 100200 121212 a123456789 110110 147258 1111111
123456abc zxcvbnm 987654321 asdasd iloveyou 31415926 123qwe 1314521 abc123 222222 qazwsx 159357 999999
123456789a asd123 qwerty 456852 qwe123 201314 159753 521521 qqqqqq 1qaz2wsx aa123456 1q2w3e4r q123456 555555
789456123 woaini123 789456 584520 333333 abc123456 110120 woaini520 123000 778899 a123123 753951 25257758
123698745 1111111111 woaiwojia 123456aa asd123456 11223344 456123 101010 7758520 5845211314 147852 woaini521
111222 z123456 qweqwe 3.1415926 qwertyuiop 123456qq 456789 wmsxie123 7777777 abcd1234 321321 beijing2008
0000000 asdfgh 211314 5845201314 asdfghjkl 789789 qwe1234 caonima qazwsxedc 131421 369369 wocaonima
741852963 123456123 123456q 5201314520 12301230 3344520 963852 951753 windows 123abc zxc123 123654789
qweasdzxc a111111 zxcvbnm123 110119 woainima 7788521 1234560 a5201314 qwe123456 120120 123456. 168168
aini1314 134679 123789 1q2w3e 584521 987654 w123456 102030 0123456789 010203 xiaoxiao 336699 111111111
131420 0000000000 woshishui 12341234 yangyang 666888 520520520 zhang123 asdasdasd 963852741 buzhidao
1234qwer 741852 314159 1230123 709394 5841314520 110110110 asdfasdf hao123456 251314 721521 3344521 321654
qweasd 258258 520530 135792468 584131421 1357924680 12344321 135246 1q2w3e4r5t 123456987 as123456 qaz123
456456 111222333 zzzzzz 777777 123321123 135790 adminfan 518518 wangyut2 999999999 qwer1234 369258147
1233211234567 zlmalm03 l123456 7895123 111111a qq123123 12369874 a1234567 a000000 abcdefg 110120119 q1w2e3r4
147896325 111000 p1a6s3m 0123456 521521521 147852369 a321654 12345678910 123456asd 521125 25251325 888999
852456 12121212 123123a 007007 123456.0 142536 worinima zxcvbn zzzxxx stryker zxc123456 5201314a 584131420
232323 q123456789 1123581321 147369 9876543210 321321321 sunshine 124578 654123 444444 121314 131313
123456123456 a12345 asdf1234 5203344 159951 zhangwei 521314 87654321 520123 ...... qq5201314 12345600 258369
5213344 20082008 qaz123456 159159 123456789q 119119 woailaopo 000123 wojiushiwo 100200300 555666 wangjian
123520 dragon 112358 nicholas 110120130 000111 1234abcd 123457 123qweasd 7894561230 564335 77585210 1qazxsw2
74108520 7654321 584201314 nihaoma 1230456 sunliu66 shmily qazwsx123 zxczxc michael jingjing 520025 123asd
aptx4869 weiwei a12345678 qazqaz 911911 20080808 000000a 123456z loveyou 1234568 a1314520 zhanglei computer
1234567890123 369258 147147 1234554321 qwaszx wangwei wwwwww qq123456789 123456aaa 22222222 123456789123
5841314521 11112222 forever qq111111 7708801314520 888666 585858 222333 134679852 zhangjian woaiwoziji
123456qwe 123456654321 aaa123456 wang123 fuckyou 445566 1234566 aaa111 18n28n24a5 aaaaaaaa abcdef 2008520085
qw123456 246810 wangyang 000000000 12qwaszx superman 66666666 1hxboqg2s aaa123 a123456a maomao a1b2c3d4
xiaolong 123789456 123456.. 321654987 2597758 1231230 010101 13141314 monkey 1314258 1234569 333666 14789632
212121 258456 7758991 love1314 xiaoqiang jordan abcd123456 000000. daniel 1314159 7758521521 li123456 565656
123456789. jiajia 198611 tiantian 122333 killer 666999 q1w2e3 z123456789 jiushiaini 1122334455 181818 235689
woshishei wangjing 321456 xiaofeng dongdong 686868 332211 zhendeaini 13145200 wodemima 989898 yuanyuan
198612 asdzxc 789123 a7758521 770880 zhangjie 1122334 3838438 1a2b3c4d wobuzhidao 112233445566 qwqwqw
zx123456 wokaonima longlong wanglei 12345678a 1314520520 787878 caonima123 198411 7758521a 7788520
12345678900 198511 16897168 feifei princess 12345679 168888 19861010 2525775 123465 pakistan 198410 121121
198512 wang123456 ssssss chenchen football 158158 112112 171204jg w123456789 abcd123 woainia 369852 huang123
shadow 753159 19841010 555888 aa123123 q123123 zhanghao 123.123 110112 2587758 1234567a asdf123 584211314
1234567899 qwertyui baobao loveme 163163 q111111 55555555 s123456 1478963 shanshan 131425 q1w2e3r4t5 000001
7788250 mingming woshishen 999888 19841020 123456789abc qazxsw qqq111 qweqweqwe 100100 woshiniba 99999999
zhangyang 1234561 19861020 0000001 wangchao zhangyu 9958123 998877 110119120 1236987 1233210 a11111 summer
456321 xiaoyu 198412 www123456 111111q spanish 777888 imzzhan freedom 252525 52013140 19851010 123369 898989
7788414 asasas 223344 beyond 19861016 130130 xiaowei qqqqqqqq charlie 234567 198610 74107410 789987 jessica
741741 123456as hao123 goodluck mnbvcxz woshizhu 123987 112211 19861026 19861120 tianshi 19841025 5201314123
19861012 19861023 internet 123456zxc 19861212 zhangyan 111112 200884 woshinidie 19841015 111qqq 3141592653
william 123521 wangpeng 012345 369963 123456w meiyoumima 202020 operation 001001 xxxxxx 19841024 michelle
0987654321 zhangjun 198311 5121314 125125 woshiwo 225588 456654 19861025 123456000 667788 zhangxin
123456789qq 123123qq 33333333 19861210 789632145 125521 zz123456 1010110 hunter 456456456 1029384756 321123
master tiancai 19851225 11235813 zhuzhu 19861021 19861225 19841016 668899 19861011 x123456 tingting 142857
19861015 liu123456 tigger 19861123 315315 ffffff 19841023 1111112 0564335 19851120 34416912 qq1314520
123456ab jianjian 198312 liuyang 9638527410 19861024 167669123 696969 nishizhu 198510 198211 19851025 thomas
wangqiang 123258 521000 19861028 huanhuan orange 19861220 19861218 dddddd 8899174 laopo521 19851212 19851215
19491001 1234321 19841026 85208520 laopo520 tkfkdgo shanghai 7215217758991 19861216 19841022 16899168
84131421 19851015 19861018 19841012 19861013 mylove 299792458 asdasd123 19861121 www123 1a2b3c 19851020
zhangqiang 456258 12345qwert 12312300 zhangjing 888168 19841011 19861022 chenjian 987456 159632 198712
123123456 963258 19861226 159357456 nihao123 winner 1472583690 131415 ab123456 19861125 963963 123456789z
198711 8675309 520521 332335 miaomiao 19851024 131131 welcome 831213 asd123123 199771 19871010 shangxin
198212 635241 wanghao 123zxc 19871020 19841018 51201314 119911 110011 19851023 119110 xiazhili 19841021
1887415157 456789123 962464 samsung 141414 1234512345 qweasd123 19841027 19861215 151515 19861128 kissme
789654 10101010 0.0.0. 19851216 qq000000 lovelove wo123456 19851123 19841028 6543210 19851125 19871023
19871024 nishiwode 19851210 19841013 19861224 123698741 a123321 123567 19871025 sakura 100000 123456qaz
000... qwerasdf 789654123 xiaoyao 01230123 520131400 qianqian 987456321 19841017 001122 19841029 zhang520
1415926 363636 19861030 zhangpeng 868686 19861126 789789789 bugaosuni 5201314qq 19851230 19861017 zhangkai
george 19861029 19861124 19841001 zhanghui 19881010 19851220 19851016 123qaz 123123aa zhangliang andrew
q5201314 19861228 y123456 xingxing 19861027 52013145201314 wanggang 19861122 wangfeng 415263 19851012 a1b2c3
19871012 19861129 19831015 1q1q1q wangshuai jennifer 19871028 snoopy chocolate wangliang 19841014 maggie
19861014 51392010 556677 abc123456789 19861217 200888 77585211314 19851011 259758 qq1234 genius 19851127
wangxin qwert12345 357159 19861223 123qwe123 123456l 19861019 19871015 19861211 258963 19841019 19861214
19851224 19831010 secret iloveu butterfly 19841212 19861213 jiang123 19851124 love520 3141592654 zhangbin
huangwei 19861127 123456qw menghuan 520131 a7758258 19851022 aaaaaaa nishishui zhangtao 5211314521 beckham
19871016 123123123123 19871026 zhangchao imissyou 19851017 19871021 19871225 134679258 diablo 556688 wenwen
996633 19851121 liangliang jiaojiao 19851029 nicole 19851026 19861001 yangjian 775852100 flower 369369369
19851218 19871212 nuttertools asdf123456 19851030 zhimakaimen 19851028 987987 19851217 19851019 woxiangni
161616 19871120 53231323 19851213 19881212 qqq123 z123123 19851211 1314520a aa5201314 xiaojian 19841120
wangjun 19851013 19871022 19871210 a1s2d3f4 19851021 19861206 198210 123458 c123456 12332100 77777777
8008208820 soccer 198310 19851014 wz112233 yingying wangyu 808080 19861112 0.123456 wozhiaini 19871027
123147 19821010 19851122 135135 52013141314 1234567891 woaimama 19851018 ww123456 1231512315 mengmeng
19871011 19860214 wangyan 123456ok 12345a 19851126 19851128 19871124 778878 doudou 123888 19871125 198011
518888 woainimama 19881020 19831020 19861221 794613 19841210 123123. liyang qwert123 xinxin jiangwei
19861110 yang123 567890 hahaha 123... 654654 123455 19861118 wodezuiai 19851221 3155530 821010 chenwei
19851223 963258741 841025 xiaoming h123456 lingling 19851214 52001314 1212123 english woaini5201314 19861106
12345 1234 baseball letmein mustang pussy trustno1 buster harley batman fuckme 2000 robert hockey ranger
starwars klaster asshole pepper 1111 pass fuck ginger joshua cheese amanda love ashley 6969 chelsea biteme
matthew access yankees dallas austin thunder taylor matrix corvette hello martin heather fucker merlin
diamond gfhjkm hammer silver anthony justin test bailey patrick scooter 11111 golfer cookie richard samantha
bigdog guitar jackson whatever mickey chicken sparky maverick phoenix camaro sexy peanut morgan falcon
cowboy ferrari andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider
nascar monster tigers yellow gateway marina bulldog compaq purple hardcore banana junior hannah porsche
lakers iceman money cowboys london tennis ncc1701 coffee scooby 0000 miller boston fuckoff brandon yamaha
chester mother johnny edward oliver redsox player nikita knight fender barney midnight please brandy chicago
badboy iwantu slayer rangers charles angel bigdaddy rabbit wizard bigdick jasper enter rachel chris steven
adidas victoria natasha jasmine winter prince panties marine ghbdtn fishing cocacola casper james raiders
marlboro gandalf crystal sexsex golden blowme bigtits panther lauren angela bitch spanky thx1138 angels
madison winston shannon mike toyota blowjob jordan23 canada sophie apples dick tiger razz pokemon 55555
muffin johnson murphy cooper jonathan liverpoo david danielle jackie 1990 turtle horny scorpion butter
carlos password1 dennis slipknot qwerty123 booger asdf 1991 black startrek cameron newyork rainbow nathan
john 1992 rocket viking redskins butthead 1212 sierra peaches gemini doctor wilson sandra helpme victor
florida dolphin pookie captain tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers
united tiffany maxwell nirvana jeremy suckit stupid porn monica elephant giants jackass secret123 hotdog
rosebud success debbie mountain xxxxxxxx warrior albert metallic lucky azerty 7777 shithead alex bond007
alexis samson 5150 willie scorpio bonnie gators benjamin voodoo driver dexter 2112 jason calvin freddy
creative sydney rush2112 1989 asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy fucking gordon
legend jessie stella qwert eminem arthur apple nissan bullshit bear america nothing parker 4444 rebecca
garfield 01012011 beavis 69696969 jack december 2222 magic apollo skippy 315475 girls kitten golf copper
braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988 lifehack brooklyn animal platinum
phantom online xavier darkness blink182 power fish green voyager police travis heaven snowball lover 00000
walter playboy blazer cricket sniper hooters donkey willow saturn therock redwings bigboy pumpkin trinity
williams tits nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november
minecraft lasvegas sergey broncos cartman private celtic birdie little cassie babygirl donald beatles 1313
dickhead family school louise gabriel eclipse fluffy lol123 explorer beer nelson flyers spencer scott lovely
gibson doggie cherry andrey snickers buffalo pantera metallica member carter qwertyu peter alexande steve
bronco paradise goober 5555 samuel montana mexico dreams michigan cock carolina yankee friends magnum surfer
poopoo maximus cool vampire lacrosse aaaa christin kimberly speedy sharon carmen kristina sammy racing ou812
sabrina horses qwerty1 pimpin baby stalker enigma star poohbear boobies simple bollocks 12345q marcus brian
1987 drowssap caroline barbara dave viper drummer action einstein bitches genesis hello1 scotty friend
forest hotrod google vanessa spitfire badger maryjane friday alaska 1232323q tester jester jake champion
billy rock hawaii badass chevy 420420 walker stephen eagle1 bill 1986 october gregory svetlana pamela 1984
music shorty westside stanley diesel courtney 242424 kevin porno hitman boobs mark reddog frank popcorn
patricia 1969 teresa mozart buddha anderson paul melanie security lucky1 lizard denise 3333 ruslan stargate
simpsons scarface eagle thumper olivia naruto general cherokee vincent usuckballz1 spooky cumshot free
frankie douglas death 1980 kitty kelly veronica suzuki semperfi penguin mercury liberty spirit scotland
natalie marley vikings system sucker king allison marshall 1979 098765 qwerty12 hummer adrian 1985 vfhbyf
sandman rocky leslie antonio 98765432 4321 softball passion bastard passport horney rascal howard franklin
bigred assman alexander homer redrum jupiter claudia zaq12wsx shit patches cunt raider infinity andre 54321
galore college russia kawasaki bishop vladimir money1 freeuser wildcats francis disney budlight brittany
1994 sweet oksana honda domino bulldogs brutus swordfis norman monday jimmy ironman ford fantasy 9999 hentai
duncan cougar 1977 jeffrey house dancer brooke timothy super marines justice digger connor patriots karina
molly everton tinker alicia rasdzv3 poop pearljam stinky naughty colorado water test123 ncc1701d motorola
ireland asdfg slut matt houston boogie zombie accord vision bradley reggie kermit froggy ducati avalon 6666
9379992 sarah saints logitech chopper simpson madonna juventus claire zachary yfnfif wolverin warcraft
hello123 extreme penis peekaboo fireman eugene brenda russell panthers georgia smith skyline jesus elizabet
spiderma smooth pirate empire bullet 8888 virginia valentin psycho predator arizona mitchell alyssa vegeta
titanic christ goblue fylhtq wolf mmmmmm kirill indian hiphop baxter awesome people danger roland mookie
dreamer bambam arnold 1981 skipper serega rolltide elvis chevelle cardinal burton wanker picard tweety
michael1 12312 xxxx turkey 1974 vfrcbv sublime 1975 galina bobby newport manutd daddy american alexandr 1966
victory rooster madmax electric bigcock wolfpack spring phpbb lalala suckme spiderman eric darkside classic
raptor hendrix 1982 wombat avatar alpha crazy hard england brazil 1978 01011980 wildcat polina freepass
changeme simon fktrcfylh denver tommy mine loverboy hobbes happy1 alison nemesis admin pass@123 admin123
p@ssw0rd aa@123456 admintelecom admin@123 abcd@1234 pass@1234 aa112233 password@123 aboy1234 admin1 demo@123
admin1234 guru123456 welcome@123 guest kapler123 administrator test@123 global123@ 10203040 india@123
abcd@123 123456aa@ admin123456 abc12345 abc@1234 admin12345 aa123456789 12345678901 password123 heslo1234
22446688 vodafone bismillah user1234 adminisp p@$$w0rd aa12345678 adminadmin qwerty12345 gvt12345 10203
welcome1 theworldinyourhand aabb1122 student abc@12345 aa102030 pass@12345 cisco aa@12345 lol123456
aa@1234567 admin@1234 abc@123 qwer4321 qwerty@123 aa@123456789 abcd1234@ pakistan123 qwerty1234 turktelekom
test1234 123456788 contraseña password@1 qwerty123456 aaaa1111 azerty123 aa1234567 12345678@ p@55w0rd
asd12345 123admin
`;

/** Additions beyond the published lists: common in Chinese leaks or specific to this district's portal. */
const SUPPLEMENT = [
  'dearbook', // CSDN 2011 leak, top 5
  '1qaz2wsx3edc',
  '1qaz@wsx',
  'woaini1314520',
  '5201314woaini',
  'iloveyou1314',
  'wo5201314',
  'aini5201314',
  'yueyang123',
  'yueyang123456',
  'yueyanglou',
  'yueyanglou123',
  'yylq123456',
] as const;

/** Lower-cased common passwords; compare with `COMMON_PASSWORDS.has(candidate.toLowerCase())`. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  ...LIST.split(/\s+/).filter((e) => e !== ''),
  ...SUPPLEMENT,
]);
